import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import Redis from 'ioredis';
import type { Db } from '@/lib/db/client';
import { withDeadline } from '@/lib/jobs/approval-jobs';
import {
  DEFAULT_RETENTION_EVERY_MS,
  PURGE_RECORDINGS_JOB,
  PURGE_RECORDINGS_SCHEDULER,
  RETENTION_QUEUE,
  purgeRecordingsPayload,
} from '@/lib/jobs/retention-jobs';
import { purgeExpiredRecordings } from '@/lib/audit/purge-expired-recordings';

const ENQUEUE_DEADLINE_MS = 2000;

export type RetentionSchedulerOptions = { db: Db; redisUrl: string; prefix: string; everyMs?: number };
export type RetentionScheduler = { stop(): Promise<void> };

/**
 * The retention purge as a BullMQ repeatable job (hourly by default, and once at start). Every
 * gateway instance upserts the same scheduler, so there is one schedule however many run, and
 * runs a worker; concurrent purges skip each other's rows. Start fails fast when Redis is down.
 */
export async function startRetentionScheduler(options: RetentionSchedulerOptions): Promise<RetentionScheduler> {
  const { db, redisUrl, prefix } = options;
  const producer = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: true });
  let lastError: Error | undefined;
  producer.on('error', (e: Error) => (lastError = e));
  await withDeadline(producer.connect(), ENQUEUE_DEADLINE_MS, 'Redis').catch((e: Error) => {
    producer.disconnect();
    const { hostname, port } = new URL(redisUrl);
    throw new Error(`retention scheduler: cannot reach Redis at ${hostname}:${port || 6379} (REDIS_URL): ${lastError?.message ?? e.message}`);
  });
  const queue = new Queue(RETENTION_QUEUE, { connection: producer, prefix: `${prefix}:bull` });
  let worker: Worker | null = null;
  const stop = async () => {
    await worker?.close();
    await queue.close();
    producer.disconnect();
  };
  try {
    await withDeadline(
      queue.upsertJobScheduler(
        PURGE_RECORDINGS_SCHEDULER,
        { every: options.everyMs ?? DEFAULT_RETENTION_EVERY_MS },
        { name: PURGE_RECORDINGS_JOB, data: {}, opts: { removeOnComplete: 100, removeOnFail: 100 } },
      ),
      ENQUEUE_DEADLINE_MS,
      'Redis',
    );
    worker = new Worker(RETENTION_QUEUE, (job) => purge(db, job), {
      connection: new Redis(redisUrl, { maxRetriesPerRequest: null }),
      prefix: `${prefix}:bull`,
      concurrency: 1,
    });
    worker.on('error', (e) => console.error(`gateway: retention worker: ${e.message}`));
    worker.on('failed', (job, e) => console.error(`gateway: retention job ${job?.id ?? ''} failed: ${e.message}`));
  } catch (e) {
    await stop().catch(() => {});
    throw e;
  }
  return { stop };
}

async function purge(db: Db, job: Job): Promise<{ sessions: number; statements: number; batches: number }> {
  if (job.name !== PURGE_RECORDINGS_JOB) throw new UnrecoverableError(`unknown job ${job.name}`);
  const parsed = purgeRecordingsPayload.safeParse(job.data);
  if (!parsed.success) throw new UnrecoverableError(`bad ${job.name} payload: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return purgeExpiredRecordings(db, { limit: parsed.data.limit });
}
