import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { gatewaySessions, statements } from '../db/schema';

export type NewGatewaySession = typeof gatewaySessions.$inferInsert;
export type NewStatement = typeof statements.$inferInsert;
export type StatementOutcomeRow = {
  id: string;
  commandTag: string | null;
  rowCount: number | null;
  sqlstate: string | null;
  errorMessage: string | null;
  durationMs: number;
};

export async function insertGatewaySession(db: Db, session: NewGatewaySession): Promise<void> {
  await db.insert(gatewaySessions).values(session);
}

export async function endGatewaySession(db: Db, id: string, reason: string): Promise<void> {
  await db.update(gatewaySessions).set({ endedAt: new Date(), endReason: reason }).where(eq(gatewaySessions.id, id));
}

/** One multi-row INSERT for a whole group commit. */
export async function insertStatements(db: Db, rows: NewStatement[]): Promise<void> {
  if (rows.length) await db.insert(statements).values(rows);
}

/** One UPDATE ... FROM (VALUES ...) for the outcomes of statements already stored. */
export async function completeStatements(db: Db, outcomes: StatementOutcomeRow[]): Promise<void> {
  if (outcomes.length === 0) return;
  const values = sql.join(
    outcomes.map((o) => sql`(${o.id}::uuid, ${o.commandTag}::text, ${o.rowCount}::bigint, ${o.sqlstate}::text, ${o.errorMessage}::text, ${o.durationMs}::real)`),
    sql`, `,
  );
  await db.execute(sql`
    update ${statements} as s set
      command_tag = v.command_tag, row_count = v.row_count, sqlstate = v.sqlstate,
      error_message = v.error_message, duration_ms = v.duration_ms
    from (values ${values}) as v(id, command_tag, row_count, sqlstate, error_message, duration_ms)
    where s.id = v.id`);
}

/** Marks sessions a previous run of this gateway instance left open (a crash or kill) as ended. */
export async function closeOrphanedSessions(db: Db, gatewayInstance: string, reason: string): Promise<number> {
  const rows = await db
    .update(gatewaySessions)
    .set({ endedAt: new Date(), endReason: reason })
    .where(sql`${gatewaySessions.gatewayInstance} = ${gatewayInstance} and ${gatewaySessions.endedAt} is null`)
    .returning({ id: gatewaySessions.id });
  return rows.length;
}
