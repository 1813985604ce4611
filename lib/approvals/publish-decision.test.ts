import { afterEach, describe, expect, it, vi } from 'vitest';
import { Redis } from 'ioredis';
import { getEnv } from '@/lib/env';
import { approvalsChannel } from '@/lib/jobs/approval-jobs';
import { publishApprovalDecision } from './publish-decision';

afterEach(() => vi.restoreAllMocks());

describe('publishApprovalDecision', () => {
  it('announces { id, status } on the approvals channel', async () => {
    const subscriber = new Redis(getEnv().REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
    try {
      await subscriber.connect();
      await subscriber.subscribe(approvalsChannel(getEnv().REDIS_PREFIX));
      const received = new Promise<string>((resolve) => subscriber.on('message', (_channel, message: string) => resolve(message)));
      const message = { id: '3f0c2a8e-5b1d-4c43-9d4e-0a7e7f3e1c11', status: 'approved' as const };
      expect(await publishApprovalDecision(message)).toBe(true);
      expect(JSON.parse(await received)).toEqual(message);
    } finally {
      subscriber.disconnect();
    }
  });

  it('gives up within its deadline and only logs when Redis is unreachable', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const started = Date.now();
    expect(await publishApprovalDecision({ id: 'x', status: 'denied' }, { url: 'redis://10.255.255.1:6379' })).toBe(false);
    expect(await publishApprovalDecision({ id: 'y', status: 'denied' }, { url: 'redis://127.0.0.1:1' })).toBe(false);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(warn).toHaveBeenCalledTimes(2);
    expect(warn.mock.calls[0]![0]).toContain('could not publish on');
  });
});
