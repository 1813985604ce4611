import { afterAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { Queue, QueueEvents } from 'bullmq';
import Redis from 'ioredis';
import { getEnv } from '@/lib/env';
import { auditEvents, gatewaySessions, statementOutcomes, statements } from '@/lib/db/schema';
import { PURGE_RECORDINGS_JOB, RETENTION_QUEUE } from '@/lib/jobs/retention-jobs';
import { verifyAuditChain } from '@/lib/audit/chain/verify-chain';
import { createRetentionTarget, setupPrivateStore, writeChainedSession } from '@/lib/audit/chain/chain-test-store';
import { uniqueName } from '@/test/db';
import { startRetentionScheduler } from './retention-scheduler';

const store = setupPrivateStore();
const { REDIS_URL, REDIS_PREFIX } = getEnv();
const prefix = `${REDIS_PREFIX}:${uniqueName('retention')}`;
const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
const queue = new Queue(RETENTION_QUEUE, { connection: redis, prefix: `${prefix}:bull` });
afterAll(async () => {
  await queue.obliterate({ force: true });
  await queue.close();
  redis.disconnect();
});

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('startRetentionScheduler', () => {
  it('runs the purge on start and every interval: expired recordings go, with their purge event, and the chain still verifies', async () => {
    const db = store.owner.db;
    const target = await createRetentionTarget(db, 1);
    const statementsOf = [{ text: 'select 1', outcome: true }, { text: 'select 2', outcome: true }];
    const old = await writeChainedSession(db, { target, statements: statementsOf, startedAt: new Date(Date.now() - 2.1 * 86_400_000), endedAt: new Date(Date.now() - 2 * 86_400_000) });
    const recent = await writeChainedSession(db, { target, statements: statementsOf });

    const scheduler = await startRetentionScheduler({ db: store.app.db, redisUrl: REDIS_URL, prefix, everyMs: 60_000 });
    try {
      await until(async () => (await db.$count(auditEvents, eq(auditEvents.action, 'recordings.purged'))) === 1, 'the first purge');
      expect(await db.$count(gatewaySessions, eq(gatewaySessions.id, old.id))).toBe(0);
      expect(await db.$count(statements, eq(statements.sessionId, old.id))).toBe(0);
      expect(await db.$count(statementOutcomes, inArray(statementOutcomes.statementId, old.statementIds))).toBe(0);
      expect(await db.$count(statements, eq(statements.sessionId, recent.id))).toBe(2);
      const [event] = await db.select().from(auditEvents).where(eq(auditEvents.action, 'recordings.purged'));
      expect(event).toMatchObject({ actorEmail: 'gatehouse:retention', subjectType: 'target', subjectId: target.id, details: { sessions: [{ id: old.id, targetName: target.name, statements: 2 }] } });
      const schedulers = await queue.getJobSchedulers();
      expect(schedulers).toEqual([expect.objectContaining({ name: PURGE_RECORDINGS_JOB, every: 60_000 })]);

      const verified = await verifyAuditChain(store.app.sql);
      expect(verified.firstBreak).toBeUndefined();
      expect(verified).toMatchObject({ ok: true, purgedSessions: 1 });
    } finally {
      await scheduler.stop();
    }
  });

  it('fails a job with a bad payload for good instead of retrying it', async () => {
    const scheduler = await startRetentionScheduler({ db: store.app.db, redisUrl: REDIS_URL, prefix, everyMs: 60_000 });
    const events = new QueueEvents(RETENTION_QUEUE, { connection: new Redis(REDIS_URL, { maxRetriesPerRequest: null }), prefix: `${prefix}:bull` });
    try {
      await events.waitUntilReady();
      const job = await queue.add(PURGE_RECORDINGS_JOB, { limit: 'all' }, { attempts: 5 });
      await expect(job.waitUntilFinished(events, 10_000)).rejects.toThrow(/bad purge-recordings payload: limit must be a whole number/);
      const failed = await queue.getJob(job.id!);
      expect(failed?.attemptsMade).toBe(1);
    } finally {
      await events.close();
      await scheduler.stop();
    }
  });

  it('refuses to start within two seconds when Redis cannot be reached', async () => {
    const started = Date.now();
    await expect(startRetentionScheduler({ db: store.app.db, redisUrl: 'redis://127.0.0.1:1', prefix, everyMs: 60_000 })).rejects.toThrow(/^retention scheduler: cannot reach Redis at 127.0.0.1:1 \(REDIS_URL\): .*ECONNREFUSED/);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
