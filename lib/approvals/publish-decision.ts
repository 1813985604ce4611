import { Redis } from 'ioredis';
import { getEnv } from '../env';
import type { ApprovalStatus } from '../db/schema';
import { approvalsChannel, withDeadline } from '../jobs/approval-jobs';

export type ApprovalDecisionMessage = { id: string; status: ApprovalStatus };

const PUBLISH_DEADLINE_MS = 1000;

/**
 * Tells waiting gateways at once that a request was decided. Best effort by design: the row is the
 * truth and gateways also poll it, so a Redis outage costs them a second, never the decision. Hence
 * a short deadline, no retries, no offline queue, and a logged warning instead of an error.
 */
export async function publishApprovalDecision(
  message: ApprovalDecisionMessage,
  options: { url?: string; prefix?: string } = {},
): Promise<boolean> {
  const url = options.url ?? getEnv().REDIS_URL;
  const prefix = options.prefix ?? getEnv().REDIS_PREFIX;
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: PUBLISH_DEADLINE_MS,
    commandTimeout: PUBLISH_DEADLINE_MS,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  redis.on('error', () => {});
  try {
    const payload: ApprovalDecisionMessage = { id: message.id, status: message.status };
    await withDeadline(
      redis.connect().then(() => redis.publish(approvalsChannel(prefix), JSON.stringify(payload))),
      PUBLISH_DEADLINE_MS,
      'Redis',
    );
    return true;
  } catch (e) {
    console.warn(`approvals: could not announce the decision on request ${message.id} (gateways will see it when they poll): ${(e as Error).message}`);
    return false;
  } finally {
    redis.disconnect();
  }
}
