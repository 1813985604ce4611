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

/** PostgreSQL takes at most 65,535 bind parameters per statement; 500 rows stay far below it. */
const ROWS_PER_STATEMENT = 500;

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += ROWS_PER_STATEMENT) out.push(items.slice(i, i + ROWS_PER_STATEMENT));
  return out;
}

/** Multi-row INSERTs for a whole group commit. */
export async function insertStatements(db: Db, rows: NewStatement[]): Promise<void> {
  for (const chunk of chunks(rows)) await db.insert(statements).values(chunk);
}

/** One UPDATE ... FROM (VALUES ...) for the outcomes of statements already stored. */
export async function completeStatements(db: Db, outcomes: StatementOutcomeRow[]): Promise<void> {
  for (const chunk of chunks(outcomes)) await completeChunk(db, chunk);
}

async function completeChunk(db: Db, outcomes: StatementOutcomeRow[]): Promise<void> {
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

/**
 * The driver's own message for a failed store call. Query builders put the whole statement and its
 * parameters (other sessions' SQL and bind values) into their message: that must never reach a client.
 */
export function storeErrorMessage(e: unknown): string {
  const cause = (e as { cause?: unknown })?.cause;
  const source = cause instanceof Error ? cause : e;
  const message = source instanceof Error ? source.message : String(source);
  return message.startsWith('Failed query') ? 'the audit store rejected the write' : message;
}
