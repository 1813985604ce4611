import { and, eq, inArray, ne } from 'drizzle-orm';
import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import Redis from 'ioredis';
import type { Db } from '@/lib/db/client';
import { approvalRequests } from '@/lib/db/schema';
import { APPROVALS_QUEUE, approvalJobPayload, approvalsChannel, EXPIRE_APPROVAL_JOB, NOTIFY_APPROVAL_JOB, withDeadline } from '@/lib/jobs/approval-jobs';
import { approvalWebhookPayload, postApprovalWebhook } from '@/lib/approvals/approval-webhook';
import { getTargetPolicy } from '@/lib/policy/target-policy';
import { createApprovalRequest } from '@/lib/approvals/create-approval-request';
import { expireApprovalRequest } from '@/lib/approvals/expire-approval-request';
import { withdrawApprovalRequest } from '@/lib/approvals/withdraw-approval-request';

export type ApprovalRow = typeof approvalRequests.$inferSelect;
export type NewApproval = Parameters<typeof createApprovalRequest>[1];

export class ApprovalsUnavailableError extends Error {
  constructor(reason: string) {
    super(`approvals unavailable (${reason}); the statement was refused, not run`);
    this.name = 'ApprovalsUnavailableError';
  }
}

const ENQUEUE_DEADLINE_MS = 2000;
const POLL_MS = 1000;

type Waiter = { resolve: (row: ApprovalRow) => void };

/**
 * The gateway's side of approvals. A held statement gets a row (the truth) and a BullMQ job delayed
 * until its expiry, so expiry needs no poller; the worker here expires it. Decisions made in the
 * portal are announced on a Redis channel, and waiting sessions also poll their rows each second,
 * so a lost message only costs a second. If the store or Redis cannot take a request within a
 * short deadline, the statement is refused: approvals fail closed.
 */
export class ApprovalsHub {
  private readonly waiters = new Map<string, Waiter[]>();
  private queue: Queue | null = null;
  private worker: Worker | null = null;
  private subscriber: Redis | null = null;
  private publisher: Redis | null = null;
  private poller: NodeJS.Timeout | null = null;

  constructor(
    private readonly options: { db: Db; redisUrl: string; prefix: string; publicUrl: string },
  ) {}

  async start(): Promise<void> {
    const { redisUrl, prefix } = this.options;
    const producer = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: true });
    await producer.connect();
    this.publisher = producer;
    this.queue = new Queue(APPROVALS_QUEUE, { connection: producer, prefix: `${prefix}:bull` });
    this.worker = new Worker(APPROVALS_QUEUE, (job) => this.process(job), {
      connection: new Redis(redisUrl, { maxRetriesPerRequest: null }),
      prefix: `${prefix}:bull`,
    });
    this.worker.on('error', (e) => console.error(`gateway: approvals worker: ${e.message}`));
    this.subscriber = new Redis(redisUrl, { maxRetriesPerRequest: null });
    this.subscriber.on('error', (e) => console.error(`gateway: approvals subscriber: ${e.message}`));
    await this.subscriber.subscribe(approvalsChannel(prefix));
    this.subscriber.on('message', (_channel, message) => {
      const id = (JSON.parse(message) as { id?: string }).id;
      if (id && this.waiters.has(id)) void this.check([id]);
    });
    this.poller = setInterval(() => void this.check([...this.waiters.keys()]), POLL_MS);
  }

  async stop(): Promise<void> {
    if (this.poller) clearInterval(this.poller);
    await this.worker?.close();
    await this.queue?.close();
    this.subscriber?.disconnect();
    this.publisher?.disconnect();
  }

  /** Creates the request and its expiry job; either failing in time means "approvals unavailable". */
  async request(input: NewApproval, expiresInMs: number): Promise<ApprovalRow> {
    if (!this.queue) throw new ApprovalsUnavailableError('the approvals queue is not running');
    const row = await withDeadline(createApprovalRequest(this.options.db, input), ENQUEUE_DEADLINE_MS, 'the store').catch((e: Error) => {
      throw new ApprovalsUnavailableError(e.message);
    });
    try {
      const jobs = this.queue.addBulk([
        { name: EXPIRE_APPROVAL_JOB, data: { requestId: row.id }, opts: { jobId: `expire-${row.id}`, delay: expiresInMs, removeOnComplete: true, removeOnFail: 100 } },
        {
          name: NOTIFY_APPROVAL_JOB,
          data: { requestId: row.id },
          opts: { jobId: `notify-${row.id}`, attempts: 5, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: true, removeOnFail: 100 },
        },
      ]);
      await withDeadline(jobs, ENQUEUE_DEADLINE_MS, 'Redis');
    } catch (e) {
      await withdrawApprovalRequest(this.options.db, row.id, 'approvals queue unavailable').catch(() => {});
      throw new ApprovalsUnavailableError((e as Error).message);
    }
    return row;
  }

  /**
   * Resolves with the row once it is no longer pending. Past the expiry (and a grace second for
   * the queue's job) the waiter expires the row itself, so a Redis outage cannot hold a client forever.
   */
  waitForDecision(id: string, expiresAt: Date): Promise<ApprovalRow> {
    const grace = setTimeout(
      () => void this.expire({ requestId: id }).then(() => this.check([id]), () => this.check([id])),
      Math.max(0, expiresAt.getTime() - Date.now()) + 1500,
    );
    return new Promise<ApprovalRow>((resolve) => {
      const list = this.waiters.get(id) ?? [];
      list.push({ resolve });
      this.waiters.set(id, list);
    }).finally(() => clearTimeout(grace));
  }

  async withdraw(id: string, reason: string): Promise<void> {
    await withdrawApprovalRequest(this.options.db, id, reason).catch((e: Error) => console.error(`gateway: could not withdraw approval ${id}: ${e.message}`));
    await this.check([id]);
  }

  private async process(job: Job): Promise<void> {
    const parsed = approvalJobPayload.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`bad ${job.name} payload`);
    if (job.name === EXPIRE_APPROVAL_JOB) return this.expire(parsed.data);
    if (job.name === NOTIFY_APPROVAL_JOB) return this.notify(parsed.data.requestId);
    throw new UnrecoverableError(`unknown job ${job.name}`);
  }

  /** Announces a new request on the target's webhook, if it has one; a failure throws so BullMQ retries. */
  private async notify(requestId: string): Promise<void> {
    const row = await getApprovalRow(this.options.db, requestId);
    if (!row?.targetId || row.status !== 'pending') return;
    const { settings } = await getTargetPolicy(this.options.db, row.targetId);
    if (!settings.approvalWebhookUrl) return;
    await postApprovalWebhook(settings.approvalWebhookUrl, approvalWebhookPayload(row, this.options.publicUrl));
  }

  private async expire(data: { requestId: string }): Promise<void> {
    const { requestId } = data;
    const row = await expireApprovalRequest(this.options.db, requestId);
    if (row) await this.publisher?.publish(approvalsChannel(this.options.prefix), JSON.stringify({ id: row.id, status: row.status }));
  }

  private async check(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const rows = await this.options.db
      .select()
      .from(approvalRequests)
      .where(and(inArray(approvalRequests.id, ids), ne(approvalRequests.status, 'pending')))
      .catch(() => [] as ApprovalRow[]);
    for (const row of rows) {
      const list = this.waiters.get(row.id);
      this.waiters.delete(row.id);
      list?.forEach((w) => w.resolve(row));
    }
  }
}

export async function getApprovalRow(db: Db, id: string): Promise<ApprovalRow | undefined> {
  const [row] = await db.select().from(approvalRequests).where(eq(approvalRequests.id, id));
  return row;
}
