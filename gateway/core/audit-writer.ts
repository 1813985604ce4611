import type postgres from 'postgres';
import { drizzle } from 'drizzle-orm/postgres-js';
import * as schema from '@/lib/db/schema';
import type { Db } from '@/lib/db/client';
import { writeStatementBatch, storeErrorMessage, type NewStatement, type OutcomeRecord } from '@/lib/audit/statement-store';
import { recordSessionEnd, recordSessionStart } from '@/lib/audit/session-lifecycle';
import { GENESIS_HASH } from '@/lib/audit/chain/link-hash';
import { AuditUnavailableError, type AuditSink, type ChainHead, type ChainLink, type SessionStart, type StatementOutcome, type StatementRecord } from './audit-sink';

export type AuditWriterOptions = { batchWindowMs: number; maxBatched: number; retryMs: number };

// 50,000 records are a few seconds of a busy gateway's reads: room for a slow commit, bounded memory (~25 MB).
const DEFAULTS: AuditWriterOptions = { batchWindowMs: 5, maxBatched: 50_000, retryMs: 500 };

type Waiter = { id: string; resolve: () => void; reject: (e: Error) => void };

/**
 * Group commit for statement records. Durable records are flushed on the next tick together with
 * whatever else is queued, and their promises settle when that INSERT commits. Batched records
 * wait at most one batch window. When a flush fails, batched records stay queued (bounded) and
 * the writer reports itself unavailable until a flush succeeds, so the engine refuses new
 * statements instead of running them unrecorded.
 */
export class AuditWriter implements AuditSink {
  private queue: NewStatement[] = [];
  private waiters: Waiter[] = [];
  private outcomes: OutcomeRecord[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;
  private failure: string | null = null;
  private readonly options: AuditWriterOptions;
  private readonly db: Db;

  constructor(
    private readonly sql: postgres.Sql,
    options: Partial<AuditWriterOptions> = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
    this.db = drizzle(sql, { schema });
  }

  get isHealthy(): boolean {
    return this.failure === null;
  }

  async startSession(session: SessionStart): Promise<void> {
    await recordSessionStart(this.db, session).catch((e: unknown) => {
      throw new AuditUnavailableError(storeErrorMessage(e));
    });
  }

  async endSession(id: string, reason: string, head: ChainHead = { links: 0, head: GENESIS_HASH }): Promise<void> {
    await this.flush();
    await recordSessionEnd(this.db, { id, reason, head });
  }

  recordDurable(record: StatementRecord): Promise<void> {
    return new Promise((resolve, reject) => {
      this.enqueue(record);
      this.waiters.push({ id: record.id, resolve, reject });
      this.schedule(0);
    });
  }

  recordBatched(record: StatementRecord): void {
    if (this.failure) throw new AuditUnavailableError(this.failure);
    if (this.queue.length >= this.options.maxBatched) throw new AuditUnavailableError('audit batch is full');
    this.enqueue(record);
    this.schedule(this.options.batchWindowMs);
  }

  completeStatement(id: string, { chain, ...outcome }: StatementOutcome & { chain?: ChainLink; sessionId?: string }): void {
    this.outcomes.push({ id, ...outcome, ...chain });
    this.schedule(this.options.batchWindowMs);
  }

  /** Writes everything queued now; resolves when done (or failed). */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    // While failing, an empty flush still runs (an empty transaction): it is the probe that clears the failure.
    if (!this.failure && this.queue.length === 0 && this.outcomes.length === 0 && this.waiters.length === 0) return;
    this.flushing = this.flushOnce().finally(() => (this.flushing = null));
    await this.flushing;
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.flush();
  }

  private enqueue({ chain, ...record }: StatementRecord): void {
    const row: NewStatement = { ...record, ...chain };
    this.queue.push(row);
  }

  private schedule(delayMs: number): void {
    if (this.timer && delayMs > 0) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, delayMs);
  }

  private async flushOnce(): Promise<void> {
    const rows = this.queue;
    const waiters = this.waiters;
    const outcomes = this.outcomes;
    this.queue = [];
    this.waiters = [];
    this.outcomes = [];
    try {
      await writeStatementBatch(this.sql, rows, outcomes);
      this.failure = null;
      waiters.forEach((w) => w.resolve());
    } catch (e) {
      this.failure = storeErrorMessage(e);
      console.error(`gateway: audit write failed: ${this.failure}`);
      const error = new AuditUnavailableError(this.failure);
      waiters.forEach((w) => w.reject(error));
      // Durable records belong to statements now refused; they stay queued all the same (their
      // outcome will say they never ran), so that the session's hash chain has no gap.
      this.queue = [...rows, ...this.queue];
      this.outcomes = [...outcomes, ...this.outcomes].slice(-2 * this.options.maxBatched);
      this.schedule(this.options.retryMs);
    }
  }
}
