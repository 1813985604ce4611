import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type postgres from 'postgres';
import { gatewaySessions, statements } from '@/lib/db/schema';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { verifyAuditChain, type VerifyOptions, type VerifyProgress, type VerifyResult } from './verify-chain';
import { setupPrivateStore, writeChainedSession } from './chain-test-store';

const store = setupPrivateStore();

type Written = Awaited<ReturnType<typeof writeChainedSession>>;
let a: Written;
let b: Written;
let live: Written;
let empty: Written;
let intact: VerifyResult;

class Rollback extends Error {
  constructor(readonly result: VerifyResult) {
    super('rolled back');
  }
}

/** Tampers as the owner inside a transaction, verifies what that transaction sees, and rolls it all back. */
async function verifyAfter(tamper: (tx: postgres.TransactionSql) => Promise<unknown>, options?: VerifyOptions): Promise<VerifyResult> {
  try {
    await store.owner.sql.begin(async (tx) => {
      await tamper(tx);
      throw new Rollback(await verifyAuditChain(tx, options));
    });
  } catch (e) {
    if (e instanceof Rollback) return e.result;
    throw e;
  }
  throw new Error('the tamper transaction committed');
}

const seqOf = async (tx: postgres.TransactionSql, action: string, subjectId: string) =>
  Number((await tx`select seq from audit_events where action = ${action} and subject_id = ${subjectId}`)[0]!.seq);

beforeAll(async () => {
  const db = store.owner.db;
  // Recorded before tamper evidence: no links, no events, started before the first event.
  const legacy = randomUUID();
  await db.insert(gatewaySessions).values({ id: legacy, userEmail: 'old@example.test', targetName: 'old', gatewayInstance: 'old', startedAt: new Date('2020-01-01'), endedAt: new Date('2020-01-02'), endReason: 'client terminated' });
  await db.insert(statements).values({ id: randomUUID(), sessionId: legacy, seq: 1, protocol: 'simple', text: 'select 0', decision: 'allow', startedAt: new Date('2020-01-01') });
  await appendAuditEvent(db, { actor: { id: null, email: 'cli' }, action: 'user.created', subjectType: 'user', subjectId: randomUUID(), summary: 'cli created a user', details: { role: 'auditor' } });
  // Links of a: s1=1 o1=2 s2=3 s3=4 o2=5 o3=6 s4=7 s5=8 o5=9 (o2 arrives after s3).
  a = await writeChainedSession(db, {
    statements: [
      { text: 'select 1', outcome: true },
      { text: 'select 2', outcome: true, outcomeLate: true },
      { text: 'select 3', outcome: true },
      { text: 'select 4' },
      { text: 'select 5', outcome: true },
    ],
  });
  // Links of b: s1=1 o1=2 s2=3 o2=4 s3=5.
  b = await writeChainedSession(db, { statements: [{ text: 'select 10', outcome: true }, { text: 'select 11', outcome: true }, { text: 'select 12' }] });
  live = await writeChainedSession(db, { statements: [{ text: 'select 20', outcome: true }, { text: 'select 21' }], endedAt: null });
  empty = await writeChainedSession(db, { statements: [] });
  await appendAuditEvent(db, { actor: { id: null, email: 'cli' }, action: 'token.created', subjectType: 'token', subjectId: randomUUID(), summary: 'cli created a token', details: {} });
  intact = await verifyAuditChain(store.app.sql);
});

describe('verifyAuditChain on an intact store', () => {
  it('checks every event, session, statement and outcome as the application role and finds nothing wrong', () => {
    expect(intact).toMatchObject({ ok: true, checked: { events: 9, sessions: 4, statements: 10, outcomes: 7 }, legacySessions: 1, purgedSessions: 0 });
    expect(intact.firstBreak).toBeUndefined();
    expect(intact.head).toMatchObject({ seq: 9, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('reads in small batches through the drizzle client and reports progress per phase', async () => {
    const seen: VerifyProgress[] = [];
    const result = await verifyAuditChain(store.app.db, { batchSize: 2, onProgress: (p) => seen.push(p) });
    expect(result).toEqual(intact);
    expect(new Set(seen.map((p) => p.phase))).toEqual(new Set(['events', 'sessions', 'purges']));
    expect(seen.length).toBeGreaterThan(8);
    expect(seen.at(-1)!.total).toEqual({ events: 9, sessions: 5, statements: 11, outcomes: 7 });
  });

  it('accepts the head it printed earlier', async () => {
    expect((await verifyAuditChain(store.app.sql, { expectHead: intact.head! })).ok).toBe(true);
  });
});

describe('verifyAuditChain after tampering', () => {
  const statementId = (s: Written, n: number) => s.statementIds[n - 1]!;

  it("names a statement whose text was edited", async () => {
    const result = await verifyAfter((tx) => tx`update statements set text = 'select 333' where id = ${statementId(a, 3)}`);
    expect(result.ok).toBe(false);
    expect(result.firstBreak).toMatchObject({ where: 'session', table: 'statements', kind: 'edited', sessionId: a.id, link: 4 });
    expect(result.firstBreak!.problem).toContain(`statement ${statementId(a, 3)} at link 4 was edited`);
  });

  it("names an outcome whose recorded rows were edited", async () => {
    const result = await verifyAfter((tx) => tx`update statement_outcomes set rows = '[["forged"]]' where statement_id = ${statementId(a, 1)}`);
    expect(result.firstBreak).toMatchObject({ where: 'session', table: 'statement_outcomes', kind: 'edited', sessionId: a.id, link: 2 });
    expect(result.firstBreak!.problem).toContain(`the outcome of statement ${statementId(a, 1)} at link 2 was edited`);
  });

  it('names an event whose summary was edited', async () => {
    const result = await verifyAfter((tx) => tx`update audit_events set summary = 'nothing happened' where seq = 1`);
    expect(result.firstBreak).toMatchObject({ where: 'event', table: 'audit_events', kind: 'edited', seq: 1 });
    expect(result.firstBreak!.problem).toBe('event #1 (user.created) was edited: its contents no longer match its hash');
    expect(result.checked.events).toBe(0);
  });

  it('names a deleted middle statement, and the statement itself when its outcome is left behind', async () => {
    const noOutcome = await verifyAfter((tx) => tx`delete from statements where id = ${statementId(a, 4)}`);
    expect(noOutcome.firstBreak).toMatchObject({ where: 'session', kind: 'missing', sessionId: a.id, link: 7 });
    expect(noOutcome.firstBreak!.problem).toBe(`session ${a.id}: link 7 is missing (deleted)`);

    const leftOutcome = await verifyAfter((tx) => tx`delete from statements where id = ${statementId(b, 2)}`);
    expect(leftOutcome.firstBreak).toMatchObject({ where: 'session', table: 'statements', kind: 'missing', sessionId: b.id, link: 3 });
    expect(leftOutcome.firstBreak!.problem).toBe(`session ${b.id}: link 3 is missing: statement ${statementId(b, 2)} was deleted (its outcome remains at link 4)`);
  });

  it('places a left-behind outcome written before outcomes carried their session through its neighbours, and names a moved one', async () => {
    const unlabelled = await verifyAfter(async (tx) => {
      await tx`update statement_outcomes set session_id = null where statement_id = ${statementId(b, 2)}`;
      await tx`delete from statements where id = ${statementId(b, 2)}`;
    });
    expect(unlabelled.firstBreak).toMatchObject({ sessionId: b.id, link: 3, problem: `session ${b.id}: link 3 is missing: statement ${statementId(b, 2)} was deleted (its outcome remains at link 4)` });

    const moved = await verifyAfter((tx) => tx`update statement_outcomes set session_id = ${a.id} where statement_id = ${statementId(b, 1)}`);
    expect(moved.firstBreak).toMatchObject({ where: 'session', table: 'statement_outcomes', kind: 'edited', sessionId: b.id, link: 2 });
    expect(moved.firstBreak!.problem).toContain('names another session: its session_id was changed');
  });

  it('names the last statement of an ended session when it was deleted, from the seal in session.ended', async () => {
    const result = await verifyAfter((tx) => tx`delete from statements where id = ${statementId(b, 3)}`);
    expect(result.firstBreak).toMatchObject({ where: 'session', kind: 'missing', sessionId: b.id, link: 5 });
    expect(result.firstBreak!.problem).toMatch(/link 5 is missing: the session.ended event \(#\d+\) sealed 5 links, the chain ends at link 4/);
  });

  it('names a deleted event', async () => {
    const result = await verifyAfter((tx) => tx`delete from audit_events where seq = 4`);
    expect(result.firstBreak).toMatchObject({ where: 'event', kind: 'missing', seq: 4, problem: 'event #4 is missing (deleted)' });
    expect(result.checked.events).toBe(3);
  });

  it('names statements whose links were swapped as reordered', async () => {
    const result = await verifyAfter((tx) => tx`
      update statements set link = case id when ${statementId(a, 2)}::uuid then 4 else 3 end where id in (${statementId(a, 2)}, ${statementId(a, 3)})`);
    expect(result.firstBreak).toMatchObject({ where: 'session', table: 'statements', kind: 'reordered', sessionId: a.id, link: 3 });
    expect(result.firstBreak!.problem).toContain(`statement ${statementId(a, 2)}, written after it, is now at link 4`);
  });

  it('names events whose seq numbers were swapped as reordered', async () => {
    const result = await verifyAfter(async (tx) => {
      await tx`update audit_events set seq = -1 where seq = 5`;
      await tx`update audit_events set seq = 5 where seq = 6`;
      await tx`update audit_events set seq = 6 where seq = -1`;
    });
    expect(result.firstBreak).toMatchObject({ where: 'event', kind: 'reordered', seq: 5, problem: 'event #5 is out of order: the event written after #4 is now numbered #6' });
  });

  it('names a session deleted with all its records when no purge event covers it', async () => {
    const result = await verifyAfter(async (tx) => {
      await tx`delete from statement_outcomes where statement_id in (select id from statements where session_id = ${b.id})`;
      await tx`delete from statements where session_id = ${b.id}`;
      await tx`delete from gateway_sessions where id = ${b.id}`;
    });
    const started = await store.owner.sql.begin((tx) => seqOf(tx, 'session.started', b.id));
    expect(result.firstBreak).toMatchObject({ where: 'session', table: 'gateway_sessions', kind: 'missing', sessionId: b.id, seq: started });
    expect(result.firstBreak!.problem).toBe(`session ${b.id} was deleted: its session.started event (#${started}) names it and no recordings.purged event lists it`);
  });

  it('names a deleted session row whose records remain', async () => {
    const result = await verifyAfter((tx) => tx`delete from gateway_sessions where id = ${b.id}`);
    expect(result.firstBreak).toMatchObject({ table: 'gateway_sessions', kind: 'missing', sessionId: b.id });
    expect(result.firstBreak!.problem).toContain('was deleted but its records remain');
  });

  it('names a record added outside the chain and edited session rows', async () => {
    const added = await verifyAfter((tx) => tx`
      insert into statements (id, session_id, seq, protocol, text, decision, started_at) values (${randomUUID()}, ${a.id}, 99, 'simple', 'select 99', 'allow', now())`);
    expect(added.firstBreak).toMatchObject({ sessionId: a.id, kind: 'extra', table: 'statements' });
    expect(added.firstBreak!.problem).toContain('has no link: it was written outside the chain');

    const row = await verifyAfter((tx) => tx`update gateway_sessions set application_name = 'innocent' where id = ${empty.id}`);
    expect(row.firstBreak).toMatchObject({ sessionId: empty.id, kind: 'edited', table: 'gateway_sessions' });
    expect(row.firstBreak!.problem).toContain('application_name is "innocent" but its session.started event');

    // Who a session was is guarded by a trigger even against the owner, who would have to switch it off first.
    const user = await verifyAfter(async (tx) => {
      await tx`alter table gateway_sessions disable trigger gateway_sessions_guard`;
      await tx`update gateway_sessions set user_email = 'someone@else.test' where id = ${empty.id}`;
    });
    expect(user.firstBreak).toMatchObject({ sessionId: empty.id, kind: 'edited', table: 'gateway_sessions' });
    expect(user.firstBreak!.problem).toContain('user_email is "someone@else.test" but its session.started event');
  });

  it('catches a session that lost its session.ended event only together with the events after it', async () => {
    const result = await verifyAfter(async (tx) => {
      const ended = await seqOf(tx, 'session.ended', empty.id);
      await tx`delete from audit_events where seq >= ${ended}`;
    });
    expect(result.firstBreak).toMatchObject({ sessionId: empty.id, kind: 'missing', table: 'audit_events' });
    expect(result.firstBreak!.problem).toContain('has no session.ended event: its seal is missing');
  });

  it("cannot see a live session's last records or the chain's last events removed, unless given the exported head", async () => {
    expect((await verifyAfter((tx) => tx`delete from statements where id = ${statementId(live, 2)}`)).ok).toBe(true);
    const deleteLast = (tx: postgres.TransactionSql) => tx`delete from audit_events where seq = 9`;
    expect((await verifyAfter(deleteLast)).ok).toBe(true);
    const anchored = await verifyAfter(deleteLast, { expectHead: intact.head! });
    expect(anchored.firstBreak).toMatchObject({ where: 'event', kind: 'missing', seq: 9 });
    expect(anchored.firstBreak!.problem).toContain('the chain ends at #8');
  });
});
