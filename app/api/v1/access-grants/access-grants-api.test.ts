import { afterAll, describe, expect, it } from 'vitest';
import { setupTestDb, uniqueName } from '@/test/db';
import { makeActor } from '@/test/actors';
import { closeDb } from '@/lib/db/client';
import { CLI_ACTOR, type Actor } from '@/lib/auth/actor';
import { createAccessToken } from '@/lib/tokens/create-access-token';
import { createTarget } from '@/lib/targets/create-target';
import { GET as list, POST as create } from './route';
import { POST as approve } from './[id]/approve/route';
import { POST as deny } from './[id]/deny/route';
import { POST as revoke } from './[id]/revoke/route';

const { db } = setupTestDb();
afterAll(() => closeDb());

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type ApiBody = { error?: { code: string; fieldErrors?: Record<string, string[]> }; grant?: { id: string; status: string }; grants?: { id: string }[] };

async function call(handler: Handler, actor: Actor, options: { method?: string; id?: string; body?: unknown; query?: string } = {}) {
  const { token } = await createAccessToken(db, { actor, input: { name: 'api-test' } });
  const req = new Request(`http://localhost/api/v1/access-grants${options.query ?? ''}`, {
    method: options.method ?? 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const res = await handler(req, { params: Promise.resolve<Record<string, string>>(options.id ? { id: options.id } : {}) });
  return { status: res.status, json: (await res.json()) as ApiBody };
}

describe('/api/v1/access-grants', () => {
  it('requests (201), refuses bad input (422), approves, lists by status and revokes', async () => {
    const [user, approver] = [await makeActor(db, 'user'), await makeActor(db, 'approver')];
    const target = await createTarget(db, {
      actor: CLI_ACTOR,
      input: { name: uniqueName('agapi'), host: 'db.example.test', port: 5432, database: 'app', username: 'app', password: 'pw-12345' },
    });
    const bad = await call(create, user, { body: { target: target.name, role: 'admin', durationMinutes: 60 } });
    expect(bad.status).toBe(422);
    expect(bad.json.error?.fieldErrors?.reason).toBeDefined();

    const created = await call(create, user, { body: { target: target.name, role: 'admin', durationMinutes: 60, reason: 'incident' } });
    expect(created.status).toBe(201);
    const id = created.json.grant!.id;

    expect((await call(approve, user, { id })).status).toBe(403);
    expect((await call(deny, approver, { id, body: {} })).status).toBe(422);
    const approved = await call(approve, approver, { id });
    expect(approved.json.grant).toMatchObject({ id, status: 'approved' });
    expect((await call(deny, approver, { id, body: { reason: 'late' } })).status).toBe(409);

    const listed = await call(list, user, { method: 'GET', query: '?status=approved' });
    expect(listed.json.grants?.map((g) => g.id)).toContain(id);
    expect((await call(list, user, { method: 'GET', query: '?status=nope' })).status).toBe(422);

    expect((await call(revoke, user, { id })).status).toBe(403);
    expect((await call(revoke, approver, { id })).json.grant).toMatchObject({ id, status: 'revoked' });
  });
});
