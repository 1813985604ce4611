import { Redis } from 'ioredis';
import { getEnv } from '../env';
import { withDeadline } from './approval-jobs';

const PUBLISH_DEADLINE_MS = 1000;

/**
 * Publishes one message on a Redis channel, best effort: for announcements whose truth is a row the
 * gateways also poll, so an outage costs them a poll interval. Short deadline, no retries, no
 * offline queue; returns false (and logs) when Redis did not take it.
 */
export async function publishMessage(channel: (prefix: string) => string, payload: unknown, options: { url?: string; prefix?: string } = {}): Promise<boolean> {
  const redis = new Redis(options.url ?? getEnv().REDIS_URL, {
    lazyConnect: true,
    connectTimeout: PUBLISH_DEADLINE_MS,
    commandTimeout: PUBLISH_DEADLINE_MS,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  redis.on('error', () => {});
  const name = channel(options.prefix ?? getEnv().REDIS_PREFIX);
  try {
    await withDeadline(
      redis.connect().then(() => redis.publish(name, JSON.stringify(payload))),
      PUBLISH_DEADLINE_MS,
      'Redis',
    );
    return true;
  } catch (e) {
    console.warn(`could not publish on ${name} (gateways will see it when they poll): ${(e as Error).message}`);
    return false;
  } finally {
    redis.disconnect();
  }
}
