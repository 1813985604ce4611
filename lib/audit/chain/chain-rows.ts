import { auditEventPayload, outcomePayload, statementPayload } from './link-payloads';

/**
 * What `audit verify` reads, as SQL for its cursors, and how each row becomes the payload its hash
 * covers. postgres.js returns bigint as text, hence the Number() calls. Sessions and records are
 * both ordered by session id (as uuid), so the two cursors can be walked side by side.
 */

/**
 * Timestamps as text with microseconds, whatever parsers the client has (drizzle makes
 * postgres.js return its own text format): the hashed value was a JavaScript Date, so anything
 * finer than a millisecond means the row was changed, and is kept as text so the hash cannot match.
 */
const utc = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;

export function storedTime(text: string): Date | string {
  return /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}000$/.test(text) ? new Date(`${text.slice(0, -3)}Z`) : text;
}

/** A stored time as a Date for comparisons and messages (to the microsecond it does not matter there). */
export function timeOf(text: string): Date {
  return new Date(`${text.slice(0, 23)}Z`);
}

export type EventRow = {
  seq: string;
  id: string;
  at: string;
  actor_id: string | null;
  actor_email: string;
  actor_role: string | null;
  actor_address: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  summary: string;
  details: unknown;
  prev_hash: string;
  hash: string;
};

export const EVENTS_QUERY = `
  select seq::text as seq, id::text as id, ${utc('at')} as at, actor_id::text as actor_id, actor_email, actor_role, actor_address,
    action, subject_type, subject_id, summary, details, prev_hash, hash
  from audit_events e order by e.seq`;

/** An audit_events row as a raw query returns it, whatever its details column holds. */
export type EventColumns<D = unknown> = Omit<EventRow, 'seq' | 'details' | 'prev_hash' | 'hash'> & { seq: string | number; details: D };

/** The row's fields by their names in code; the time stays the stored text. */
export function eventFieldsOf<D>(r: EventColumns<D>) {
  return {
    seq: Number(r.seq),
    id: r.id,
    at: r.at,
    actorId: r.actor_id,
    actorEmail: r.actor_email,
    actorRole: r.actor_role,
    actorAddress: r.actor_address,
    action: r.action,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    summary: r.summary,
    details: r.details,
  };
}

export function eventPayloadOf(r: EventRow) {
  return auditEventPayload({ ...eventFieldsOf(r), at: storedTime(r.at) as Date });
}

export type SessionRow = {
  id: string;
  started_at: string;
  ended_at: string | null;
  target_id: string | null;
  target_name: string;
  user_id: string | null;
  token_id: string | null;
  client_address: string | null;
  application_name: string | null;
  gateway_instance: string;
  user_email: string;
  started_seq: string | null;
  started_details: Record<string, unknown> | null;
  /** The session.started event's actor: the session's user. */
  started_by: string | null;
  ended_seq: string | null;
  ended_details: Record<string, unknown> | null;
  has_links: boolean;
};

const sessionEvent = (action: string, alias: string) => `
  left join lateral (
    select e.seq, e.details, e.actor_email from audit_events e
    where e.subject_type = 'session' and e.subject_id = s.id::text and e.action = '${action}'
    order by e.seq limit 1
  ) ${alias} on true`;

export const SESSIONS_QUERY = `
  select s.id::text as id, ${utc('s.started_at')} as started_at, ${utc('s.ended_at')} as ended_at, s.target_id::text as target_id, s.target_name, s.user_id::text as user_id,
    s.token_id::text as token_id, s.client_address, s.application_name, s.gateway_instance,
    s.user_email, st.seq::text as started_seq, st.details as started_details, st.actor_email as started_by, en.seq::text as ended_seq, en.details as ended_details,
    exists (select 1 from statements x where x.session_id = s.id and x.link is not null) as has_links
  from gateway_sessions s
  ${sessionEvent('session.started', 'st')}
  ${sessionEvent('session.ended', 'en')}
  order by s.id`;

export type RecordRow = {
  /** Null for an outcome whose statement is gone and whose neighbours in the chain are gone too. */
  sid: string | null;
  link: number | null;
  /** 0 statement, 1 outcome. */
  kind: 0 | 1;
  /** The statement's id (for an outcome, its statement's). */
  rid: string;
  /** An outcome whose statement row is missing. */
  orphan: boolean;
  /** An outcome whose session_id is not its statement's session. */
  moved: boolean;
  prev_hash: string | null;
  hash: string | null;
  seq: number | null;
  protocol: string | null;
  text: string | null;
  params: (string | null)[] | null;
  classification: unknown;
  decision: string | null;
  rule_id: string | null;
  rule_name: string | null;
  message: string | null;
  approval_id: string | null;
  started_at: string | null;
  command_tag: string | null;
  row_count: string | null;
  sqlstate: string | null;
  error_message: string | null;
  duration_ms: number | null;
  masked: boolean | null;
  columns: unknown;
  rows: unknown;
  rows_truncated: boolean | null;
};

const OUTCOME_COLUMNS = 'o.command_tag, o.row_count, o.sqlstate, o.error_message, o.duration_ms, o.masked, o.columns, o.rows, o.rows_truncated';
const NO_OUTCOME = `null::text as command_tag, null::bigint as row_count, null::text as sqlstate, null::text as error_message,
  null::float8 as duration_ms, null::boolean as masked, null::jsonb as columns, null::jsonb as rows, null::boolean as rows_truncated`;
const NO_STATEMENT = `null::int, null::text, null::text, null::jsonb, null::jsonb, null::text, null::text, null::text, null::text, null::uuid, null::timestamptz`;

/**
 * Every statement and outcome, by session and link. An outcome names its session (session_id, not
 * hashed: the statement's session is what counts, and a different one is reported). An outcome
 * whose statement was deleted still shows up in its session, next to the gap its statement left;
 * one written before outcomes carried their session is placed through the records before or after
 * it in the chain (their hashes link to its). Those lookups scan, but run only for such outcomes,
 * which exist only after tampering.
 */
export const RECORDS_QUERY = `
  select r.sid::text as sid, r.link, r.kind, r.rid, r.orphan, r.moved, r.prev_hash, r.hash, r.seq, r.protocol, r.text, r.params,
    r.classification, r.decision, r.rule_id, r.rule_name, r.message, r.approval_id::text as approval_id, ${utc('r.started_at')} as started_at,
    r.command_tag, r.row_count::text as row_count, r.sqlstate, r.error_message, r.duration_ms, r.masked, r.columns, r.rows, r.rows_truncated
  from (
    select st.session_id as sid, st.link, 0 as kind, st.id::text as rid, false as orphan, false as moved, st.prev_hash, st.hash,
      st.seq, st.protocol, st.text, st.params, st.classification, st.decision, st.rule_id, st.rule_name, st.message, st.approval_id, st.started_at,
      ${NO_OUTCOME}
    from statements st
    union all
    select st.session_id, o.link, 1, o.statement_id::text, false, coalesce(o.session_id <> st.session_id, false), o.prev_hash, o.hash,
      ${NO_STATEMENT}, ${OUTCOME_COLUMNS}
    from statement_outcomes o join statements st on st.id = o.statement_id
    union all
    select coalesce(o.session_id, neighbour.session_id), o.link, 1, o.statement_id::text, true, false, o.prev_hash, o.hash,
      ${NO_STATEMENT}, ${OUTCOME_COLUMNS}
    from statement_outcomes o
    left join lateral (
      select n.session_id from (
        select s2.session_id from statements s2 where s2.hash = o.prev_hash or s2.prev_hash = o.hash
        union all
        select s3.session_id from statement_outcomes o3 join statements s3 on s3.id = o3.statement_id where o3.hash = o.prev_hash or o3.prev_hash = o.hash
      ) n where o.session_id is null limit 1
    ) neighbour on true
    where not exists (select 1 from statements st where st.id = o.statement_id)
  ) r
  order by r.sid, coalesce(r.link, 0), r.kind, r.rid collate "C"`;

export function recordPayloadOf(r: RecordRow, sessionId: string, link: number) {
  if (r.kind === 0) {
    return statementPayload({
      id: r.rid,
      sessionId,
      seq: r.seq!,
      link,
      protocol: r.protocol!,
      text: r.text!,
      params: r.params,
      classification: r.classification,
      decision: r.decision!,
      ruleId: r.rule_id,
      ruleName: r.rule_name,
      message: r.message,
      approvalId: r.approval_id,
      startedAt: storedTime(r.started_at!) as Date,
    });
  }
  return outcomePayload({
    statementId: r.rid,
    link,
    commandTag: r.command_tag,
    rowCount: r.row_count === null ? null : Number(r.row_count),
    sqlstate: r.sqlstate,
    errorMessage: r.error_message,
    durationMs: r.duration_ms,
    masked: r.masked ?? false,
    columns: r.columns,
    rows: r.rows,
    rowsTruncated: r.rows_truncated ?? false,
  });
}

export function describeRecord(r: Pick<RecordRow, 'kind' | 'rid'>): string {
  return r.kind === 0 ? `statement ${r.rid}` : `the outcome of statement ${r.rid}`;
}

export function recordTable(r: Pick<RecordRow, 'kind'>): 'statements' | 'statement_outcomes' {
  return r.kind === 0 ? 'statements' : 'statement_outcomes';
}
