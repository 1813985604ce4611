import { Redis } from 'ioredis';

/** One line naming the variable and the fix, for a Redis that cannot be reached. */
export function describeRedisError(url: string, error: unknown, variable = 'REDIS_URL'): string {
  const u = new URL(url);
  const reason = (error instanceof Error ? ((error as { code?: string }).code ?? error.message) : String(error)).replace(/\.$/, '');
  return `Cannot reach Redis at ${u.hostname}:${u.port || 6379} (${variable}): ${reason}. Start Redis (on Debian: redis-server --daemonize yes) or set ${variable} to a reachable server.`;
}

/**
 * Fails fast with a one-line error instead of letting ioredis retry forever in the background:
 * one connection attempt, no offline queue, one PING.
 */
export async function checkRedis(url: string, options: { variable?: string; timeoutMs?: number } = {}): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 2000;
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  // The rejection only says "Connection is closed"; the cause (ECONNREFUSED...) arrives as an event.
  let cause: unknown;
  redis.on('error', (e) => {
    cause ??= e;
  });
  try {
    await redis.connect();
    await redis.ping();
  } catch (e) {
    throw new Error(describeRedisError(url, cause ?? e, options.variable));
  } finally {
    redis.disconnect();
  }
}
