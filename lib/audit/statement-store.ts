import type postgres from 'postgres';
import type { statementOutcomes, statements } from '../db/schema';

/**
 * The gateway's audit writes, on the raw postgres.js client: they run for every statement through
 * the gateway, where a query builder's per-row work showed up as the largest cost.
 */

export type NewStatement = typeof statements.$inferInsert;
export type OutcomeRecord = Omit<typeof statementOutcomes.$inferInsert, 'statementId' | 'recordedAt'> & { id: string };

/**
 * One group commit as one statement: new statement records and the outcomes known so far, both
 * append-only, each passed as one JSON document so the parameter count is fixed however many rows
 * there are. Outcomes are keyed by statement, so a retried batch cannot record one twice. With
 * nothing to write it still reaches the store, which makes it the writer's health probe too.
 */
export async function writeStatementBatch(sql: postgres.Sql, rows: NewStatement[], outcomes: OutcomeRecord[]): Promise<void> {
  const inserted = JSON.stringify(
    rows.map((r) => ({
      id: r.id,
      session_id: r.sessionId,
      seq: r.seq,
      protocol: r.protocol,
      text: r.text,
      params: r.params ?? null,
      classification: r.classification ?? null,
      decision: r.decision,
      rule_id: r.ruleId ?? null,
      rule_name: r.ruleName ?? null,
      message: r.message ?? null,
      approval_id: r.approvalId ?? null,
      started_at: r.startedAt,
      link: r.link ?? null,
      prev_hash: r.prevHash ?? null,
      hash: r.hash ?? null,
    })),
  );
  const completed = JSON.stringify(
    outcomes.map((o) => ({
      statement_id: o.id,
      session_id: o.sessionId ?? null,
      command_tag: o.commandTag,
      row_count: o.rowCount,
      sqlstate: o.sqlstate,
      error_message: o.errorMessage,
      duration_ms: o.durationMs,
      masked: o.masked ?? false,
      columns: o.columns ?? null,
      rows: o.rows ?? null,
      rows_truncated: o.rowsTruncated ?? false,
      link: o.link ?? null,
      prev_hash: o.prevHash ?? null,
      hash: o.hash ?? null,
    })),
  );
  await sql`
    with inserted as (
      insert into statements (id, session_id, seq, protocol, text, params, classification, decision, rule_id, rule_name, message, approval_id, started_at, link, prev_hash, hash)
      select * from jsonb_to_recordset(${inserted}::jsonb) as r(
        id uuid, session_id uuid, seq int, protocol text, text text, params jsonb, classification jsonb, decision text,
        rule_id text, rule_name text, message text, approval_id uuid, started_at timestamptz, link int, prev_hash text, hash text)
      on conflict (id) do nothing
    )
    insert into statement_outcomes (statement_id, session_id, command_tag, row_count, sqlstate, error_message, duration_ms, masked, columns, rows, rows_truncated, link, prev_hash, hash)
    select o.* from jsonb_to_recordset(${completed}::jsonb) as o(
      statement_id uuid, session_id uuid, command_tag text, row_count bigint, sqlstate text, error_message text, duration_ms float8,
      masked boolean, columns jsonb, rows jsonb, rows_truncated boolean, link int, prev_hash text, hash text)
    on conflict (statement_id) do nothing`;
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
