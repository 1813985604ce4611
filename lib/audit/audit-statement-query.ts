import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { DelegationChain, StatementRow } from '../db/schema';
import { MICRO_UTC, type AuditFilter } from './audit-filter';
import { isNarrowing, statementConditions } from './audit-statement-conditions';
import { describeDelegation } from '../auth/oidc/delegation-chain';

export type ApproverDecision = { email: string; decision: 'approve' | 'deny'; reason: string | null; at: string };

/** One recorded statement as the audit search shows it: who, where, what, the verdict, what came of it, who approved. */
export type AuditStatementResult = {
  type: 'statement';
  id: string;
  /** When the statement started, UTC to the microsecond. */
  at: string;
  sessionId: string;
  seq: number;
  userEmail: string | null;
  /** Whom the session's caller acted for, outermost first ("agent X acting for Alice"). */
  actingFor?: DelegationChain | null;
  targetName: string | null;
  text: string;
  params: (string | null)[] | null;
  classification: StatementRow['classification'];
  decision: string;
  ruleId: string | null;
  ruleName: string | null;
  message: string | null;
  outcome: { commandTag: string | null; rowCount: number | null; sqlstate: string | null; errorMessage: string | null; durationMs: number | null; masked: boolean } | null;
  approval: { id: string; status: string | null; decisions: ApproverDecision[] } | null;
  summary: string;
};

type Row = {
  id: string;
  at: string;
  session_id: string;
  seq: number;
  user_email: string | null;
  acting_for: DelegationChain | null;
  target_name: string | null;
  text: string;
  params: (string | null)[] | null;
  classification: StatementRow['classification'];
  decision: string;
  rule_id: string | null;
  rule_name: string | null;
  message: string | null;
  approval_id: string | null;
  has_outcome: boolean;
  command_tag: string | null;
  row_count: string | number | null;
  sqlstate: string | null;
  error_message: string | null;
  duration_ms: number | null;
  masked: boolean | null;
  approval_status: string | null;
  approval_decisions: ApproverDecision[] | null;
};

/** A narrow search first collects up to this many matches, in no order, and sorts them; see below. */
export const PROBE_ROWS = 2_000;

/**
 * The newest statements matching the filter, at most `limit`. The page is cut first, then only its
 * rows are joined to outcomes and approvals. Sessions are left-joined so a statement is never
 * hidden by a missing session row.
 *
 * Cutting the page: without filters, by walking statements_started_idx newest first, which stops
 * after `limit` rows. With filters the walk reads until it has found `limit` matches: every
 * statement, when there are few or none. So a filtered search first probes: it asks for up to
 * PROBE_ROWS matches in any order, which the planner finds by the cheapest index (the GIN index
 * on `search` for words, sessions for a user or target), and sorts those. Only when there are
 * more than that, which the walk finds quickly, does it walk.
 */
export async function queryAuditStatements(db: Db, filter: AuditFilter, limit: number): Promise<AuditStatementResult[]> {
  if (isNarrowing(filter)) {
    const probed = await db.execute<Row & { matched: string | number }>(sql`
      with matches as materialized (
        select s.id, s.started_at from statements s left join gateway_sessions g on g.id = s.session_id
        where ${statementConditions(filter, 'probe')} limit ${PROBE_ROWS + 1}
      ), page as (
        select id, started_at from matches order by started_at desc, id desc limit ${limit}
      )
      ${detailsOf(true)}`);
    if (probed.every((r) => Number(r.matched) <= PROBE_ROWS)) return probed.map(toResult);
  }
  const rows = await db.execute<Row>(sql`
    with page as (
      select s.id, s.started_at from statements s left join gateway_sessions g on g.id = s.session_id
      where ${statementConditions(filter, 'walk')} order by s.started_at desc, s.id desc limit ${limit}
    )
    ${detailsOf(false)}`);
  return rows.map(toResult);
}

/** The page's statements with their session, outcome and approval; `matched` counts the probe's matches, when there was one. */
function detailsOf(isProbe: boolean): SQL {
  return sql`
    select s.id, to_char(s.started_at at time zone 'UTC', ${MICRO_UTC}) as at, s.session_id, s.seq, g.user_email, g.acting_for, g.target_name,
      s.text, s.params, s.classification, s.decision, s.rule_id, s.rule_name, s.message, s.approval_id,
      o.statement_id is not null as has_outcome, o.command_tag, o.row_count, o.sqlstate, o.error_message, o.duration_ms, o.masked,
      a.status::text as approval_status,
      (select json_agg(json_build_object('email', d.approver_email, 'decision', d.decision, 'reason', d.reason,
                'at', to_char(d.created_at at time zone 'UTC', ${MICRO_UTC})) order by d.created_at)
         from approval_decisions d where d.request_id = s.approval_id) as approval_decisions,
      ${isProbe ? sql`(select count(*) from matches)` : sql`null`} as matched
    from page p
    join statements s on s.id = p.id
    left join gateway_sessions g on g.id = s.session_id
    left join statement_outcomes o on o.statement_id = s.id
    left join approval_requests a on a.id = s.approval_id
    order by s.started_at desc, s.id desc`;
}

const VERDICTS: Record<string, string> = { allow: 'allowed', block: 'blocked', require_approval: 'held for approval' };

function toResult(r: Row): AuditStatementResult {
  const commands = r.classification?.commands?.length ? r.classification.commands.join(', ') : 'a statement';
  const rule = r.rule_name && r.decision !== 'allow' ? ` by rule "${r.rule_name}"` : '';
  const acting = describeDelegation(r.acting_for);
  return {
    type: 'statement',
    id: r.id,
    at: r.at,
    sessionId: r.session_id,
    seq: r.seq,
    userEmail: r.user_email,
    actingFor: r.acting_for,
    targetName: r.target_name,
    text: r.text,
    params: r.params,
    classification: r.classification,
    decision: r.decision,
    ruleId: r.rule_id,
    ruleName: r.rule_name,
    message: r.message,
    outcome: r.has_outcome
      ? {
          commandTag: r.command_tag,
          rowCount: r.row_count === null ? null : Number(r.row_count),
          sqlstate: r.sqlstate,
          errorMessage: r.error_message,
          durationMs: r.duration_ms,
          masked: Boolean(r.masked),
        }
      : null,
    approval: r.approval_id ? { id: r.approval_id, status: r.approval_status, decisions: r.approval_decisions ?? [] } : null,
    summary: `${r.user_email ?? 'an unknown user'}${acting ? ` acting for ${acting}` : ''} ran ${commands} on ${r.target_name ?? 'an unknown target'}: ${VERDICTS[r.decision] ?? r.decision}${rule}`,
  };
}
