import { and, eq, inArray, ne } from 'drizzle-orm';
import { Queue, Worker } from 'bullmq';
import Redis from 'ioredis';
import type { Db } from '@/lib/db/client';
import { approvalRequests } from '@/lib/db/schema';
import { APPROVALS_QUEUE, approvalsChannel, EXPIRE_APPROVAL_JOB, expireApprovalPayload, withDeadline } from '@/lib/jobs/approval-jobs';
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
    private readonly options: { db: Db; redisUrl: string; prefix: string },
  ) {}

  async start(): Promise<void> {
    const { redisUrl, prefix } = this.options;
    const producer = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: true });
    await producer.connect();
    this.publisher = producer;
    this.queue = new Queue(APPROVALS_QUEUE, { connection: producer, prefix: `${prefix}:bull` });
    this.worker = new Worker(APPROVALS_QUEUE, (job) => this.expire(job.data), {
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
      await withDeadline(this.queue.add(EXPIRE_APPROVAL_JOB, { requestId: row.id }, { jobId: row.id, delay: expiresInMs, removeOnComplete: true, removeOnFail: 100 }), ENQUEUE_DEADLINE_MS, 'Redis');
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
    const grace = setTimeout(() => void this.expire({ requestId: id }).then(() => this.check([id])), Math.max(0, expiresAt.getTime() - Date.now()) + 1500);
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

  private async expire(data: unknown): Promise<void> {
    const { requestId } = expireApprovalPayload.parse(data);
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
