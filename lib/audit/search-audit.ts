import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { assertRole, type Actor } from '../auth/actor';
import type { Role } from '../db/schema';
import { parseInput } from '../validation';
import {
  auditFilterSchema,
  auditLimitSchema,
  encodeAuditCursor,
  includesEvents,
  includesStatements,
  type AuditFilter,
  type AuditFilterInput,
} from './audit-filter';
import { queryAuditStatements, type AuditStatementResult } from './audit-statement-query';
import { queryAuditEvents, type AuditEventResult } from './audit-event-query';

export type AuditResult = AuditStatementResult | AuditEventResult;
export type AuditPage = { results: AuditResult[]; nextCursor: string | null };

export const AUDIT_READER_ROLES: readonly Role[] = ['auditor', 'admin'];

/**
 * One search over both records of what happened: statements through the gateway (with their
 * outcome and who approved them) and audit events (sign-ins, changes, decisions, sessions).
 * Newest first; `nextCursor` continues with older results.
 */
export async function searchAudit(
  db: Db,
  options: { actor: Actor; filter: AuditFilterInput; limit?: unknown },
): Promise<AuditPage> {
  assertRole(options.actor, AUDIT_READER_ROLES);
  const filter = parseInput(auditFilterSchema, options.filter);
  const { limit } = parseInput(auditLimitSchema, { limit: options.limit });
  return searchAuditPage(db, filter, limit);
}

/**
 * A page of the merged order (time, then id, both descending). Each source gives its own newest
 * `limit + 1` after the cursor, so the merged first `limit` are exactly the global ones and the
 * extra row says whether anything older remains. For callers that checked the role and parsed the filter.
 */
export async function searchAuditPage(db: Db, filter: AuditFilter, limit: number): Promise<AuditPage> {
  const [statements, events] = await Promise.all([
    includesStatements(filter) ? withoutJit(db, (tx) => queryAuditStatements(tx, filter, limit + 1)) : [],
    includesEvents(filter) ? withoutJit(db, (tx) => queryAuditEvents(tx, filter, limit + 1)) : [],
  ]);
  const merged = [...statements, ...events].sort(newestFirst);
  const results = merged.slice(0, limit);
  const last = results.at(-1);
  return { results, nextCursor: merged.length > limit && last ? encodeAuditCursor({ at: last.at, id: last.id }) : null };
}

/** Both keys compare as PostgreSQL compares them: fixed-width UTC text, and lower-case uuid text. */
function newestFirst(a: AuditResult, b: AuditResult): number {
  if (a.at !== b.at) return a.at < b.at ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * A search over a large store is estimated expensive, and PostgreSQL then compiles it with JIT:
 * that alone took 200 ms of a 570 ms probe in tests with a million statements, for a query that
 * runs once. Read-only, in its own transaction so the setting ends with it.
 */
function withoutJit<T>(db: Db, run: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    return run(tx);
  }, { accessMode: 'read only' });
}
