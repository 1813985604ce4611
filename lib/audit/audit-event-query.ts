import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { MICRO_UTC, type AuditFilter } from './audit-filter';
import { eventFieldsOf, type EventColumns } from './chain/chain-rows';

/** One audit event as the audit search shows it. */
export type AuditEventResult = {
  type: 'event';
  id: string;
  seq: number;
  /** When it happened, UTC to the microsecond. */
  at: string;
  actorId: string | null;
  actorEmail: string;
  actorRole: string | null;
  actorAddress: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  /** The target the event concerns, when it names one (details.targetName). */
  targetName: string | null;
  summary: string;
  details: Record<string, unknown>;
};

type Row = EventColumns<Record<string, unknown> | null>;

/** The newest audit events matching the filter, at most `limit`, on audit_events_at_idx (or _action_idx). */
export async function queryAuditEvents(db: Db, filter: AuditFilter, limit: number): Promise<AuditEventResult[]> {
  const rows = await db.execute<Row>(sql`
    select e.id, e.seq, to_char(e.at at time zone 'UTC', ${MICRO_UTC}) as at, e.actor_id, e.actor_email, e.actor_role,
      e.actor_address, e.action, e.subject_type, e.subject_id, e.summary, e.details
    from audit_events e
    where ${sql.join(eventConditions(filter), sql` and `)}
    order by e.at desc, e.id desc
    limit ${limit}`);
  return rows.map(toResult);
}

function eventConditions(f: AuditFilter): SQL[] {
  const where: SQL[] = [sql`true`];
  if (f.cursor) {
    where.push(sql`e.at <= ${f.cursor.at}::timestamptz`);
    where.push(sql`(e.at, e.id) < (${f.cursor.at}::timestamptz, ${f.cursor.id}::uuid)`);
  }
  if (f.from) where.push(sql`e.at >= ${f.from.toISOString()}::timestamptz`);
  if (f.to) where.push(sql`e.at < ${f.to.toISOString()}::timestamptz`);
  if (f.q) {
    const pattern = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    // One expression, so that one trigram index on it can serve the search (see docs/audit-log.md).
    where.push(sql`(e.summary || ' ' || e.action || ' ' || e.actor_email) ilike ${pattern}`);
  }
  if (f.actor) where.push(sql`lower(e.actor_email) = ${f.actor}`);
  if (f.target) where.push(sql`e.details->>'targetName' = ${f.target}`);
  if (f.action) where.push(sql`e.action = ${f.action}`);
  return where;
}

function toResult(r: Row): AuditEventResult {
  const details = r.details ?? {};
  return { type: 'event', ...eventFieldsOf(r), targetName: typeof details.targetName === 'string' ? details.targetName : null, details };
}
