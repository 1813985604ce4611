import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestDb, uniqueName } from '@/test/db';
import { makeActor } from '@/test/actors';
import type { Actor } from '@/lib/auth/actor';
import type { Role } from '@/lib/db/schema';
import { createAccessToken } from '@/lib/tokens/create-access-token';
import { listSessions } from './list-sessions';
import type { ListSessionsFilter } from './session-schemas';
import { makeSession } from './session-test-fixtures';

const { db } = setupTestDb();

const target = uniqueName('sessions');
const base = new Date('2025-03-01T10:00:00.000Z');
const minutes = (n: number) => new Date(base.getTime() + n * 60_000);
let alice: Actor;
let bob: Actor;
let aliceToken: string;
const ids: Record<'payments' | 'terminated' | 'live', string> = { payments: '', terminated: '', live: '' };

beforeAll(async () => {
  alice = await makeActor(db, 'user');
  bob = await makeActor(db, 'approver');
  aliceToken = (await createAccessToken(db, { actor: alice, input: { name: 'psql' } })).record.id;
  ids.terminated = (await makeSession(db, { user: alice, targetName: target, startedAt: minutes(0), endedAfterMs: 90_000, endReason: 'terminated by admin@x: runaway query' })).id;
  ids.payments = (
    await makeSession(db, {
      user: alice,
      tokenId: aliceToken,
      targetName: target,
      startedAt: minutes(10),
      endedAfterMs: 300_000,
      statements: [
        { text: 'select email from public.customers', outcome: { commandTag: 'SELECT 2', rowCount: 2, masked: true } },
        { text: 'delete from public."payments"', decision: 'block', message: 'DELETE without WHERE', outcome: { sqlstate: '42501', errorMessage: 'blocked' } },
        { text: 'update payments set amount = 0 where id = $1', params: ['7'], decision: 'require_approval', outcome: { commandTag: 'UPDATE 1', masked: false } },
        { text: 'select 1' },
      ],
    })
  ).id;
  ids.live = (await makeSession(db, { user: bob, targetName: target, startedAt: minutes(20), statements: [{ text: 'select count(*) from invoices' }] })).id;
});

const idsFor = async (actor: Actor, filter: ListSessionsFilter = {}) => (await listSessions(db, { actor, filter: { target, ...filter } })).sessions.map((s) => s.id);

describe('listSessions: visibility', () => {
  it.each<[Role]>([['auditor'], ['admin']])('shows an %s every session, newest first', async (role) => {
    expect(await idsFor(await makeActor(db, role))).toEqual([ids.live, ids.payments, ids.terminated]);
  });

  it('shows users and approvers only the sessions they opened', async () => {
    expect(await idsFor(alice)).toEqual([ids.payments, ids.terminated]);
    expect(await idsFor(bob)).toEqual([ids.live]);
    expect(await idsFor(alice, { user: bob.email })).toEqual([]);
  });
});

describe('listSessions: rows', () => {
  it('counts statements, blocked, held and masked ones, and marks live sessions', async () => {
    const { sessions } = await listSessions(db, { actor: alice, filter: { target } });
    const payments = sessions.find((s) => s.id === ids.payments)!;
    expect(payments).toMatchObject({ userEmail: alice.email, tokenId: aliceToken, targetName: target, isLive: false, durationMs: 300_000 });
    expect(payments.counts).toEqual({ statements: 4, blocked: 1, held: 1, masked: 1 });
    expect(sessions.find((s) => s.id === ids.terminated)!.counts).toEqual({ statements: 0, blocked: 0, held: 0, masked: 0 });
    const [live] = (await listSessions(db, { actor: bob, filter: { target } })).sessions;
    expect(live).toMatchObject({ isLive: true, endedAt: null, endReason: null });
    expect(live!.durationMs).toBeGreaterThan(0);
  });
});

describe('listSessions: filters', () => {
  const admin = () => makeActor(db, 'admin');

  it('filters by user e-mail part, exact user id and token id', async () => {
    const actor = await admin();
    expect(await idsFor(actor, { user: alice.email.slice(2, 12).toUpperCase() })).toEqual([ids.payments, ids.terminated]);
    expect(await idsFor(actor, { user: bob.id! })).toEqual([ids.live]);
    expect(await idsFor(actor, { token: aliceToken })).toEqual([ids.payments]);
    expect(await idsFor(actor, { user: '%' })).toEqual([]);
  });

  it('filters by target, time range, status and end reason', async () => {
    const actor = await admin();
    expect(await idsFor(actor, { target: `${target}-other` })).toEqual([]);
    expect(await idsFor(actor, { from: minutes(5).toISOString(), to: minutes(15).toISOString() })).toEqual([ids.payments]);
    expect(await idsFor(actor, { from: '2025-03-01T10:10' })).toEqual([ids.live, ids.payments]);
    expect(await idsFor(actor, { status: 'live' })).toEqual([ids.live]);
    expect(await idsFor(actor, { status: 'ended' })).toEqual([ids.payments, ids.terminated]);
    expect(await idsFor(actor, { endReason: 'RUNAWAY' })).toEqual([ids.terminated]);
    expect(await idsFor(actor, { status: '', endReason: '', q: '' })).toHaveLength(3);
  });

  it('searches the statements: words, qualified and quoted names, phrases', async () => {
    const actor = await admin();
    expect(await idsFor(actor, { q: 'payments' })).toEqual([ids.payments]);
    expect(await idsFor(actor, { q: 'public.customers' })).toEqual([ids.payments]);
    expect(await idsFor(actor, { q: '"delete from public payments"' })).toEqual([ids.payments]);
    expect(await idsFor(actor, { q: 'invoices' })).toEqual([ids.live]);
    expect(await idsFor(actor, { q: 'select -invoices' })).toEqual([ids.payments]);
    expect(await idsFor(actor, { q: 'nothing-like-this' })).toEqual([]);
    expect(await idsFor(alice, { q: 'invoices' })).toEqual([]);
  });
});

describe('listSessions: pages', () => {
  it('walks pages with the cursor, ties on started_at included, and with offsets', async () => {
    const name = uniqueName('ties');
    const same = new Date('2025-04-01T08:00:00.123Z');
    const seeded = [];
    for (let i = 0; i < 5; i++) seeded.push((await makeSession(db, { user: alice, targetName: name, startedAt: i < 4 ? same : minutes(0) })).id);
    const expected = [...seeded.slice(0, 4).sort().reverse(), seeded[4]];
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 5; i++) {
      const page = await listSessions(db, { actor: alice, filter: { target: name, limit: '2', cursor } });
      seen.push(...page.sessions.map((s) => s.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(expected);
    const byOffset = await listSessions(db, { actor: alice, filter: { target: name, limit: 2, offset: 2 } });
    expect(byOffset.sessions.map((s) => s.id)).toEqual(expected.slice(2, 4));
    expect(byOffset.nextCursor).not.toBeNull();
    expect((await listSessions(db, { actor: alice, filter: { target: name, offset: 4 } })).nextCursor).toBeNull();
  });

  it.each<[string, ListSessionsFilter, string]>([
    ['a limit over 100', { limit: '101' }, 'limit'],
    ['an unknown status', { status: 'paused' }, 'status'],
    ['a token that is not an id', { token: 'abc' }, 'token'],
    ['a date that is not one', { from: 'yesterday' }, 'from'],
    ['a range backwards', { from: '2025-02-01', to: '2025-01-01' }, 'to'],
    ['a forged cursor', { cursor: 'bm90LWEtY3Vyc29y' }, 'cursor'],
    ['a cursor and an offset', { cursor: 'WyIyMDI1LTAxLTAxVDAwOjAwOjAwLjAwMDAwMFoiLCIwMDAwMDAwMC0wMDAwLTQwMDAtODAwMC0wMDAwMDAwMDAwMDAiXQ', offset: '5' }, 'offset'],
  ])('refuses %s with a field error', async (_label, filter, field) => {
    await expect(listSessions(db, { actor: alice, filter })).rejects.toMatchObject({ code: 'INVALID_INPUT', fieldErrors: { [field]: [expect.any(String)] } });
  });
});
