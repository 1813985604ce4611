import type postgres from 'postgres';
import type { Db } from '../../db/client';
import { ChainBroken, broken, type ChainBreak, type ChainCounts } from './chain-break';
import { ChainCursor } from './chain-cursor';
import { EVENTS_QUERY, RECORDS_QUERY, SESSIONS_QUERY, describeRecord, timeOf, type EventRow, type RecordRow, type SessionRow } from './chain-rows';
import { EventChainCheck } from './check-event-chain';
import { SessionChainCheck, checkSessionRow } from './check-session-chain';

export type { ChainBreak, ChainCounts } from './chain-break';

export type VerifyPhase = 'events' | 'sessions' | 'purges';
export type VerifyProgress = { phase: VerifyPhase; checked: ChainCounts; total: ChainCounts };

export type VerifyOptions = {
  onProgress?: (progress: VerifyProgress) => void;
  /** Rows per fetch; bounds memory (an outcome can carry up to 1,000 recorded rows). */
  batchSize?: number;
  /** A head exported earlier (`audit verify` prints it): that event must still carry that hash. */
  expectHead?: { seq: number; hash: string };
};

export type VerifyResult = {
  ok: boolean;
  /** What was checked, up to the first break. */
  checked: ChainCounts;
  /** Sessions recorded before tamper evidence existed: no links, no session.started event. */
  legacySessions: number;
  /** Sessions removed by retention, each listed by a recordings.purged event. */
  purgedSessions: number;
  /** The last event of the chain: keep it elsewhere and pass it back as expectHead later. */
  head: { seq: number; hash: string } | null;
  firstBreak?: ChainBreak;
};

/** The raw postgres.js client (or a transaction on it), or the drizzle client built on one. */
export type ChainSource = postgres.Sql | postgres.TransactionSql | Db;

type State = { checked: ChainCounts; total: ChainCounts; legacy: number; purged: number; head: VerifyResult['head'] };

/**
 * Checks both kinds of hash chain and stops at the first link that does not hold:
 *   1. the audit events, in seq order (and an exported head, if given);
 *   2. every session row against its session.started / session.ended events, and its statements
 *      and outcomes in link order against each other and the ended event's seal;
 *   3. every session.started event whose session is gone, against the recordings.purged events.
 * Everything is read in one repeatable-read snapshot through server-side cursors, so a live
 * gateway writing meanwhile cannot cause false alarms and memory stays bounded.
 */
export async function verifyAuditChain(source: ChainSource, options: VerifyOptions = {}): Promise<VerifyResult> {
  const sql = sqlOf(source);
  if ('savepoint' in sql) return run(sql, options);
  return (await (sql as postgres.Sql).begin('isolation level repeatable read read only', (tx) => run(tx, options))) as VerifyResult;
}

function sqlOf(source: ChainSource): postgres.Sql | postgres.TransactionSql {
  if (typeof source === 'function') return source;
  const client = (source as { $client?: postgres.Sql }).$client;
  if (!client) throw new Error('verifyAuditChain needs the postgres.js client, a transaction on it, or the drizzle client (not a drizzle transaction)');
  return client;
}

async function run(tx: postgres.TransactionSql, options: VerifyOptions): Promise<VerifyResult> {
  const [total] = await tx<ChainCounts[]>`
    select (select count(*) from audit_events)::int as events, (select count(*) from gateway_sessions)::int as sessions,
      (select count(*) from statements)::int as statements, (select count(*) from statement_outcomes)::int as outcomes`;
  const state: State = { checked: { events: 0, sessions: 0, statements: 0, outcomes: 0 }, total: total!, legacy: 0, purged: 0, head: null };
  const report = (phase: VerifyPhase) => options.onProgress?.({ phase, checked: { ...state.checked }, total: state.total });
  const result = (firstBreak?: ChainBreak): VerifyResult => ({
    ok: !firstBreak,
    checked: state.checked,
    legacySessions: state.legacy,
    purgedSessions: state.purged,
    head: state.head,
    ...(firstBreak ? { firstBreak } : {}),
  });
  const batchSize = options.batchSize ?? 500;
  try {
    await checkEvents(tx, state, { batchSize, expectHead: options.expectHead, onBatch: () => report('events') });
    await checkSessions(tx, state, { batchSize, onBatch: () => report('sessions') });
    report('purges');
    await checkPurges(tx, state);
    return result();
  } catch (e) {
    if (e instanceof ChainBroken) return result(e.found);
    throw e;
  }
}

type CursorOptions = { batchSize: number; onBatch: () => void };

async function withCursor<T, R>(tx: postgres.TransactionSql, name: string, query: string, options: CursorOptions, work: (c: ChainCursor<T>) => Promise<R>): Promise<R> {
  const cursor = await ChainCursor.open<T>(tx, name, query, options);
  try {
    return await work(cursor);
  } finally {
    // After a failed query the transaction is aborted and takes its cursors with it.
    await cursor.close().catch(() => {});
  }
}

async function checkEvents(tx: postgres.TransactionSql, state: State, options: CursorOptions & { expectHead?: { seq: number; hash: string } }): Promise<void> {
  const chain = new EventChainCheck(async (prevHash) => {
    const [row] = await tx<{ seq: string }[]>`select e.seq::text as seq from audit_events e where e.prev_hash = ${prevHash} order by e.seq limit 1`;
    return row ? Number(row.seq) : null;
  });
  let anchorHash: string | undefined;
  await withCursor<EventRow, void>(tx, 'gatehouse_verify_events', EVENTS_QUERY, options, async (events) => {
    for (let row = await events.next(); row; row = await events.next()) {
      await chain.add(row);
      state.checked.events = chain.checked;
      if (options.expectHead && Number(row.seq) === options.expectHead.seq) anchorHash = row.hash;
    }
  });
  state.head = chain.head;
  if (options.expectHead) chain.checkAnchor(options.expectHead, anchorHash);
}

async function checkSessions(tx: postgres.TransactionSql, state: State, options: CursorOptions): Promise<void> {
  const [first] = await tx<{ at: string }[]>`select to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') as at from audit_events order by seq limit 1`;
  const successorOf = async (sessionId: string, prevHash: string) => {
    const [row] = await tx<Pick<RecordRow, 'link' | 'kind' | 'rid'>[]>`
      select link, kind, rid from (
        select st.link, 0 as kind, st.id::text as rid from statements st where st.session_id = ${sessionId} and st.prev_hash = ${prevHash}
        union all
        select o.link, 1, o.statement_id::text from statement_outcomes o join statements st on st.id = o.statement_id
        where st.session_id = ${sessionId} and o.prev_hash = ${prevHash}
      ) n order by link limit 1`;
    return row ?? null;
  };
  await withCursor<RecordRow, void>(tx, 'gatehouse_verify_records', RECORDS_QUERY, options, (records) =>
    withCursor<SessionRow, void>(tx, 'gatehouse_verify_sessions', SESSIONS_QUERY, options, async (sessions) => {
      for (let s = await sessions.next(); s; s = await sessions.next()) {
        for (let r = await records.peek(); r && r.sid !== null && r.sid < s.id; r = await records.peek()) strayRecord(r);
        const end = checkSessionRow(s, first ? timeOf(first.at) : null);
        const chain = new SessionChainCheck(s.id, successorOf);
        for (let r = await records.peek(); r && r.sid === s.id; r = await records.peek()) {
          await records.next();
          if (end === 'legacy') continue;
          await chain.add(r);
          if (r.kind === 0) state.checked.statements++;
          else state.checked.outcomes++;
        }
        if (end === 'legacy') {
          state.legacy++;
          continue;
        }
        chain.finish(end);
        state.checked.sessions++;
      }
      const left = await records.peek();
      if (left) strayRecord(left);
    }),
  );
}

/** A record whose session row does not exist (the retention purge removes both together). */
function strayRecord(r: RecordRow): never {
  if (r.sid === null) {
    broken({ where: 'session', table: 'statements', kind: 'missing', link: r.link ?? undefined, problem: `${describeRecord(r)} (link ${r.link}) belongs to no session: the statement was deleted` });
  }
  broken({
    where: 'session',
    table: 'gateway_sessions',
    kind: 'missing',
    sessionId: r.sid,
    problem: `session ${r.sid} was deleted but its records remain (${describeRecord(r)} at link ${r.link})`,
  });
}

/** Sessions named by a session.started event but gone must each be listed by a later recordings.purged event. */
async function checkPurges(tx: postgres.TransactionSql, state: State): Promise<void> {
  const [row] = await tx<{ gone: number; seq: string | null; id: string | null }[]>`
    with gone as (
      select e.seq, e.subject_id from audit_events e
      where e.action = 'session.started' and e.subject_type = 'session'
        and not exists (select 1 from gateway_sessions s where s.id::text = e.subject_id)
    ), unlisted as (
      select g.seq, g.subject_id from gone g
      where not exists (
        select 1 from audit_events p
        cross join lateral jsonb_array_elements(case when jsonb_typeof(p.details->'sessions') = 'array' then p.details->'sessions' else '[]'::jsonb end) x
        where p.action = 'recordings.purged' and p.seq > g.seq and x->>'id' = g.subject_id
      )
      order by g.seq limit 1
    )
    select (select count(*) from gone)::int as gone, (select seq::text from unlisted) as seq, (select subject_id from unlisted) as id`;
  if (row?.seq && row.id) {
    broken({
      where: 'session',
      table: 'gateway_sessions',
      kind: 'missing',
      sessionId: row.id,
      seq: Number(row.seq),
      problem: `session ${row.id} was deleted: its session.started event (#${row.seq}) names it and no recordings.purged event lists it`,
    });
  }
  state.purged = row?.gone ?? 0;
}
