import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDb, uniqueName } from '@/test/db';
import { makeActor } from '@/test/actors';
import { closeDb } from '@/lib/db/client';
import type { Actor } from '@/lib/auth/actor';
import { createAccessToken } from '@/lib/tokens/create-access-token';
import { makeApprovalRequest, makeApprovalTarget } from '@/lib/approvals/approval-test-fixtures';
import { GET as list } from './route';
import { GET as get } from './[id]/route';
import { POST as approve } from './[id]/approve/route';
import { POST as deny } from './[id]/deny/route';

const { db } = setupTestDb();
afterAll(() => closeDb());

let target: { id: string; name: string };
let requester: Actor;
const tokens: Record<string, string> = {};

type ApiBody = { error: { code: string; message: string }; approvals: { id: string }[]; [key: string]: unknown };

async function tokenFor(actor: Actor): Promise<string> {
  return (tokens[actor.id!] ??= (await createAccessToken(db, { actor, input: { name: 'api-test' } })).token);
}

async function call(handler: typeof approve, actor: Actor, path: string, params: Record<string, string>, body?: string) {
  const req = new Request(`http://localhost/api/v1/approvals${path}`, {
    method: handler === approve || handler === deny ? 'POST' : 'GET',
    headers: { authorization: `Bearer ${await tokenFor(actor)}`, 'content-type': 'application/json' },
    body,
  });
  const res = await handler(req, { params: Promise.resolve(params) });
  return { status: res.status, json: (await res.json()) as ApiBody };
}

beforeAll(async () => {
  target = await makeApprovalTarget(db, uniqueName('api'));
  requester = await makeActor(db, 'user');
});

describe('/api/v1/approvals', () => {
  it('approves without a body, then answers 409 naming who approved', async () => {
    const approver = await makeActor(db, 'approver');
    const { id } = await makeApprovalRequest(db, { requester, target });
    const first = await call(approve, approver, `/${id}/approve`, { id });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ isFinal: true, request: { id, status: 'approved', decidedByEmail: approver.email } });
    const again = await call(approve, await makeActor(db, 'admin'), `/${id}/approve`, { id }, '{"reason":"late"}');
    expect(again.status).toBe(409);
    expect(again.json.error.message).toContain(`already approved by ${approver.email}`);
  });

  it.each<[string, () => Promise<Actor>, 'approve' | 'deny', string | undefined, number, string]>([
    ['self-approval with 403', async () => requester, 'approve', undefined, 403, 'FORBIDDEN'],
    ['a user deciding with 403', () => makeActor(db, 'user'), 'approve', undefined, 403, 'FORBIDDEN'],
    ['a deny without reason with 422', () => makeActor(db, 'approver'), 'deny', '{}', 422, 'INVALID_INPUT'],
    ['a body that is not JSON with 400', () => makeActor(db, 'approver'), 'approve', 'reason=x', 400, 'BAD_REQUEST'],
    ['a deny with a reason with 200', () => makeActor(db, 'approver'), 'deny', '{"reason":"freeze"}', 200, ''],
  ])('answers %s', async (_label, who, decision, body, status, code) => {
    const { id } = await makeApprovalRequest(db, { requester, target });
    const actor = await who();
    const res = await call(decision === 'approve' ? approve : deny, actor, `/${id}/${decision}`, { id }, body);
    expect(res.status).toBe(status);
    if (code) expect(res.json.error.code).toBe(code);
  });

  it("lists and reads with the visibility rules: the requester sees their own, others' are 404", async () => {
    const { id } = await makeApprovalRequest(db, { requester, target });
    const mine = await call(list, requester, `?status=pending&targetName=${target.name}`, {});
    expect(mine.status).toBe(200);
    expect(mine.json.approvals.map((a) => a.id)).toContain(id);
    expect((await call(get, requester, `/${id}`, { id })).json.approval).toMatchObject({ id, decisions: [] });
    expect((await call(get, await makeActor(db, 'user'), `/${id}`, { id })).status).toBe(404);
    expect((await call(list, requester, '?status=lost', {})).status).toBe(422);
  });
});
