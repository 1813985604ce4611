import type postgres from 'postgres';
import type { gatewaySessions, statements } from '../db/schema';

/**
 * The gateway's audit writes, on the raw postgres.js client: they run for every statement through
 * the gateway, where a query builder's per-row work showed up as the largest cost.
 */

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

/** PostgreSQL takes at most 65,535 bind parameters per statement; 500 rows stay far below it. */
const ROWS_PER_STATEMENT = 500;

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += ROWS_PER_STATEMENT) out.push(items.slice(i, i + ROWS_PER_STATEMENT));
  return out;
}

export async function insertGatewaySession(sql: postgres.Sql, s: NewGatewaySession): Promise<void> {
  await sql`
    insert into gateway_sessions (id, user_id, user_email, token_id, target_id, target_name, client_address, application_name, gateway_instance)
    values (${s.id!}, ${s.userId ?? null}, ${s.userEmail}, ${s.tokenId ?? null}, ${s.targetId ?? null}, ${s.targetName},
            ${s.clientAddress ?? null}, ${s.applicationName ?? null}, ${s.gatewayInstance})`;
}

export async function endGatewaySession(sql: postgres.Sql, id: string, reason: string): Promise<void> {
  await sql`update gateway_sessions set ended_at = now(), end_reason = ${reason} where id = ${id}`;
}

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

/** One INSERT per chunk, the rows passed as parallel arrays: 17 parameters however many rows. */
export async function insertStatements(sql: postgres.Sql, rows: NewStatement[]): Promise<void> {
  for (const chunk of chunks(rows)) {
    const column = <T extends postgres.SerializableParameter>(pick: (r: NewStatement) => T) => sql.array(chunk.map(pick));
    await sql`
      insert into statements (id, session_id, seq, protocol, text, params, classification, decision, rule_id, rule_name,
                              message, command_tag, row_count, sqlstate, error_message, started_at, duration_ms)
      select * from unnest(
        ${column((r) => r.id!)}::uuid[], ${column((r) => r.sessionId)}::uuid[], ${column((r) => r.seq)}::int[],
        ${column((r) => r.protocol)}::text[], ${column((r) => r.text)}::text[], ${column((r) => json(r.params))}::text[]::jsonb[],
        ${column((r) => json(r.classification))}::text[]::jsonb[], ${column((r) => r.decision)}::text[], ${column((r) => r.ruleId ?? null)}::text[],
        ${column((r) => r.ruleName ?? null)}::text[], ${column((r) => r.message ?? null)}::text[], ${column((r) => r.commandTag ?? null)}::text[],
        ${column((r) => r.rowCount ?? null)}::bigint[], ${column((r) => r.sqlstate ?? null)}::text[], ${column((r) => r.errorMessage ?? null)}::text[],
        ${column((r) => r.startedAt.toISOString())}::timestamptz[], ${column((r) => r.durationMs ?? null)}::real[]
      )`;
  }
}

/** One UPDATE per chunk, joining the outcomes as parallel arrays (unnest keeps NULLs as they are). */
export async function completeStatements(sql: postgres.Sql, outcomes: StatementOutcomeRow[]): Promise<void> {
  for (const chunk of chunks(outcomes)) {
    await sql`
      update statements as s set
        command_tag = v.command_tag, row_count = v.row_count, sqlstate = v.sqlstate,
        error_message = v.error_message, duration_ms = v.duration_ms
      from unnest(
        ${sql.array(chunk.map((o) => o.id))}::uuid[], ${sql.array(chunk.map((o) => o.commandTag))}::text[], ${sql.array(chunk.map((o) => o.rowCount))}::bigint[],
        ${sql.array(chunk.map((o) => o.sqlstate))}::text[], ${sql.array(chunk.map((o) => o.errorMessage))}::text[], ${sql.array(chunk.map((o) => o.durationMs))}::real[]
      ) as v(id, command_tag, row_count, sqlstate, error_message, duration_ms)
      where s.id = v.id`;
  }
}

/** Marks sessions a previous run of this gateway instance left open (a crash or kill) as ended. */
export async function closeOrphanedSessions(sql: postgres.Sql, gatewayInstance: string, reason: string): Promise<number> {
  const rows = await sql`
    update gateway_sessions set ended_at = now(), end_reason = ${reason}
    where gateway_instance = ${gatewayInstance} and ended_at is null returning id`;
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
