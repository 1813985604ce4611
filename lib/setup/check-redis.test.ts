import { describe, expect, it } from 'vitest';
import { checkRedis } from './check-redis';

describe('checkRedis', () => {
  it('resolves when Redis answers', async () => {
    await expect(checkRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379')).resolves.toBeUndefined();
  });

  it('fails with one line naming the variable and the fix', async () => {
    const error = await checkRedis('redis://127.0.0.1:1').catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toContain('REDIS_URL');
    expect(message).toContain('127.0.0.1:1 (REDIS_URL): ECONNREFUSED.');
    expect(message).toContain('redis-server --daemonize yes');
    expect(message).not.toContain('\n');
  });
});
