import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { appendAuditEvent, type AuditEventActor } from './append-audit-event';

/** Who purges: the retention job, acting for no person. */
export const RETENTION_ACTOR: AuditEventActor = { id: null, email: 'gatehouse:retention' };

export const DEFAULT_PURGE_BATCH = 500;

export type PurgedSession = { id: string; targetName: string; endedAt: string; statements: number };

type PurgedRow = { session_id: string; target_id: string | null; target_name: string; ended_at: string; statement_count: string | number };

/**
 * Deletes the recordings of ended sessions past their target's retentionDays, batch by batch until
 * none are left. Each batch is one transaction: the SECURITY DEFINER function (the only way the
 * application's role can delete recordings) removes whole sessions with their statements and
 * outcomes, and the 'recordings.purged' event listing them commits with it, so `audit verify`
 * can tell a purge from a deletion. Running it again finds nothing and writes nothing.
 */
export async function purgeExpiredRecordings(db: Db, options: { limit?: number } = {}): Promise<{ sessions: number; statements: number; batches: number }> {
  const limit = options.limit ?? DEFAULT_PURGE_BATCH;
  const total = { sessions: 0, statements: 0, batches: 0 };
  for (;;) {
    const purged = await db.transaction(async (tx) => {
      const rows = (await tx.execute(sql`
        select session_id::text as session_id, target_id::text as target_id, target_name, to_json(ended_at) #>> '{}' as ended_at, statement_count
        from gatehouse_purge_expired_recordings(${limit})`)) as unknown as PurgedRow[];
      if (rows.length === 0) return [];
      const sessions: PurgedSession[] = rows.map((r) => ({ id: r.session_id, targetName: r.target_name, endedAt: r.ended_at, statements: Number(r.statement_count) }));
      await appendAuditEvent(tx, { actor: RETENTION_ACTOR, action: 'recordings.purged', ...subjectOf(rows), summary: summaryOf(sessions), details: { sessions } });
      return sessions;
    });
    if (purged.length === 0) break;
    total.batches++;
    total.sessions += purged.length;
    total.statements += purged.reduce((n, s) => n + s.statements, 0);
    // A short batch means nothing else has expired (or the rest is being purged by another instance).
    if (purged.length < limit) break;
  }
  return total;
}

function subjectOf(rows: PurgedRow[]): { subjectType: string | null; subjectId: string | null } {
  const targets = new Set(rows.map((r) => r.target_id));
  const [only] = targets;
  return targets.size === 1 && only ? { subjectType: 'target', subjectId: only } : { subjectType: null, subjectId: null };
}

function summaryOf(sessions: PurgedSession[]): string {
  const targets = [...new Set(sessions.map((s) => s.targetName))];
  const statements = sessions.reduce((n, s) => n + s.statements, 0);
  const where = targets.length === 1 ? targets[0] : `${targets.length} targets`;
  return `Retention purged ${sessions.length} recorded session${sessions.length === 1 ? '' : 's'} of ${where} (${statements} statement${statements === 1 ? '' : 's'})`;
}
