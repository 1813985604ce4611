import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { setupTestDb, uniqueName } from '@/test/db';
import { makeActor } from '@/test/actors';
import { closeDb } from '@/lib/db/client';
import type { Actor } from '@/lib/auth/actor';
import { auditEvents } from '@/lib/db/schema';
import { createAccessToken } from '@/lib/tokens/create-access-token';
import { parseRecording } from '@/lib/sessions/recording-format';
import { makeSession } from '@/lib/sessions/session-test-fixtures';
import { GET as list } from './route';
import { GET as get } from './[id]/route';
import { GET as recording } from './[id]/recording/route';
import { POST as terminate } from './[id]/terminate/route';

const { db } = setupTestDb();
afterAll(() => closeDb());

const target = uniqueName('api-sessions');
const tokens: Record<string, string> = {};
let alice: Actor;
let admin: Actor;
let ended: string;
let live: string;

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function call(handler: Handler, actor: Actor, path: string, params: Record<string, string> = {}, body?: string) {
  tokens[actor.id!] ??= (await createAccessToken(db, { actor, input: { name: 'api-test' } })).token;
  const req = new Request(`http://localhost/api/v1/sessions${path}`, {
    method: handler === terminate ? 'POST' : 'GET',
    headers: { authorization: `Bearer ${tokens[actor.id!]}`, 'content-type': 'application/json' },
    body,
  });
  return handler(req, { params: Promise.resolve(params) });
}

beforeAll(async () => {
  alice = await makeActor(db, 'user');
  admin = await makeActor(db, 'admin');
  ended = (
    await makeSession(db, {
      user: alice,
      targetName: target,
      endedAfterMs: 5000,
      statements: [{ text: 'select email from customers', outcome: { commandTag: 'SELECT 1', rowCount: 1, durationMs: 2, masked: true, columns: [{ name: 'email', typeOid: 25 }], rows: [['****@example.com']] } }, { text: 'delete from payments', decision: 'block' }],
    })
  ).id;
  live = (await makeSession(db, { user: alice, targetName: target })).id;
});

describe('GET /api/v1/sessions', () => {
  it('lists with filters from the query string, and answers 422 naming the bad fields', async () => {
    const res = await call(list, alice, `?target=${target}&status=ended&q=payments`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { sessions: { id: string; counts: Record<string, number>; isLive: boolean }[]; nextCursor: string | null };
    expect(body.sessions).toEqual([expect.objectContaining({ id: ended, isLive: false, counts: { statements: 2, blocked: 1, held: 0, masked: 1 } })]);
    expect(body.nextCursor).toBeNull();
    const bad = await call(list, alice, '?limit=500&status=paused');
    expect(bad.status).toBe(422);
    const { error } = (await bad.json()) as { error: { code: string; fieldErrors: Record<string, string[]> } };
    expect(error.code).toBe('INVALID_INPUT');
    expect(Object.keys(error.fieldErrors).sort()).toEqual(['limit', 'status']);
  });

  it('shows a user only their own sessions', async () => {
    const res = await call(list, await makeActor(db, 'user'), `?target=${target}`);
    expect(((await res.json()) as { sessions: unknown[] }).sessions).toEqual([]);
  });
});

describe('GET /api/v1/sessions/:id and its recording', () => {
  it('returns the replay to the owner and 404 to another user', async () => {
    const res = await call(get, alice, `/${ended}`, { id: ended });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { session: { id: string }; statements: { seq: number; outcome: { rows: unknown } | null }[] };
    expect(body.session.id).toBe(ended);
    expect(body.statements.map((s) => s.seq)).toEqual([1, 2]);
    expect(body.statements[0]!.outcome!.rows).toEqual([['****@example.com']]);
    expect((await call(get, await makeActor(db, 'approver'), `/${ended}`, { id: ended })).status).toBe(404);
    expect((await call(get, alice, `/${ended}?after=x`, { id: ended })).status).toBe(422);
  });

  it('streams the recording as JSON Lines, header first', async () => {
    const res = await call(recording, await makeActor(db, 'auditor'), `/${ended}/recording`, { id: ended });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const text = await res.text();
    expect(JSON.parse(text.split('\n')[0]!)).toMatchObject({ format: 'gatehouse-recording', version: 1 });
    const { header, events } = parseRecording(text);
    expect(header.session.id).toBe(ended);
    expect(events.map((e) => e.type)).toEqual(['statement', 'outcome', 'statement', 'session_end']);
    const refused = await call(recording, await makeActor(db, 'user'), `/${ended}/recording`, { id: ended });
    expect(refused.status).toBe(404);
    expect(refused.headers.get('content-type')).toMatch(/json/);
  });
});

describe('POST /api/v1/sessions/:id/terminate', () => {
  it('lets an admin terminate a live session with a reason, recorded as an audit event', async () => {
    const res = await call(terminate, admin, `/${live}/terminate`, { id: live }, '{"reason":"runaway export"}');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ terminated: true });
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.subjectId, live), eq(auditEvents.action, 'session.terminated')));
    expect(event).toMatchObject({ actorEmail: admin.email, details: expect.objectContaining({ reason: 'runaway export' }) });
  });

  it.each<[string, () => Promise<Actor>, () => string, string | undefined, number]>([
    ['409 for an ended session', async () => admin, () => ended, undefined, 409],
    ['403 for an auditor', () => makeActor(db, 'auditor'), () => live, undefined, 403],
    ['404 for an unknown id', async () => admin, () => 'not-a-session', undefined, 404],
    ['422 for a reason too long', async () => admin, () => live, JSON.stringify({ reason: 'x'.repeat(301) }), 422],
    ['400 for a body that is not JSON', async () => admin, () => live, 'reason=x', 400],
  ])('answers %s', async (_label, who, id, body, status) => {
    const res = await call(terminate, await who(), `/${id()}/terminate`, { id: id() }, body);
    expect(res.status).toBe(status);
  });
});
