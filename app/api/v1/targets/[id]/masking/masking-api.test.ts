import { afterAll, describe, expect, it } from 'vitest';
import { setupTestDb, uniqueName } from '@/test/db';
import { makeActor } from '@/test/actors';
import { closeDb } from '@/lib/db/client';
import { CLI_ACTOR, type Actor } from '@/lib/auth/actor';
import { createAccessToken } from '@/lib/tokens/create-access-token';
import { createTarget } from '@/lib/targets/create-target';
import type { MaskingRule } from '@/lib/masking/masking-schema';
import { GET, PUT } from './route';

const { db } = setupTestDb();
afterAll(() => closeDb());

type ApiBody = { rules?: MaskingRule[]; version?: number; error?: { code: string; fieldErrors?: Record<string, string[]> } };

async function call(handler: typeof GET, actor: Actor, id: string, options: { method?: string; body?: string } = {}) {
  const { token } = await createAccessToken(db, { actor, input: { name: 'masking-api-test' } });
  const req = new Request(`http://localhost/api/v1/targets/${id}/masking`, {
    method: options.method ?? 'GET',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: options.body,
  });
  const res = await handler(req, { params: Promise.resolve({ id }) });
  return { status: res.status, json: (await res.json()) as ApiBody };
}

const put = (actor: Actor, id: string, body: unknown) => call(PUT, actor, id, { method: 'PUT', body: JSON.stringify(body) });

const RULES: MaskingRule[] = [
  { id: 'mail', name: 'Mail domain only', enabled: true, match: { type: 'column', column: 'public.customers.email' }, strategy: { type: 'email-domain' }, strict: true, exempt: { roles: ['admin'] } },
  { id: 'cards', name: 'Cards', enabled: false, match: { type: 'detector', detector: 'payment-card' }, strategy: { type: 'keep-last', n: 4 } },
];

async function newTarget() {
  return createTarget(db, {
    actor: CLI_ACTOR,
    input: { name: uniqueName('maskapi'), host: 'db.example.test', port: 5432, database: 'app', username: 'app', password: 'pw-12345' },
  });
}

describe('/api/v1/targets/:id/masking', () => {
  it('lets admins replace the list and admins and auditors read it back, by name or id', async () => {
    const [admin, auditor] = [await makeActor(db, 'admin'), await makeActor(db, 'auditor')];
    const target = await newTarget();
    expect(await call(GET, admin, target.name)).toEqual({ status: 200, json: { rules: [] } });

    const saved = await put(admin, target.name, { rules: RULES });
    expect(saved.status).toBe(200);
    expect(saved.json).toEqual({ rules: RULES, version: expect.any(Number) });
    const again = await put(admin, target.id, { rules: [...RULES].reverse() });
    expect(again.json.version).toBe(saved.json.version! + 1);

    expect(await call(GET, auditor, target.id)).toEqual({ status: 200, json: { rules: [...RULES].reverse() } });
  });

  it('refuses users and approvers, and writes by auditors', async () => {
    const [user, approver, auditor] = [await makeActor(db, 'user'), await makeActor(db, 'approver'), await makeActor(db, 'auditor')];
    const target = await newTarget();
    expect((await call(GET, user, target.name)).status).toBe(403);
    expect((await call(GET, approver, target.name)).json.error?.code).toBe('FORBIDDEN');
    expect((await put(auditor, target.name, { rules: RULES })).status).toBe(403);
  });

  it('answers 422 with fields keyed rules.<index>.<field> and changes nothing', async () => {
    const admin = await makeActor(db, 'admin');
    const target = await newTarget();
    await put(admin, target.name, { rules: RULES });
    const bad = [
      RULES[0],
      { ...RULES[1], strict: true },
      { id: 'r3', name: 'Bad column', enabled: true, match: { type: 'column', column: 'customers.email' }, strategy: { type: 'keep-last', n: 0 } },
      { id: 'r4', name: 'Bad regex', enabled: true, match: { type: 'regex', pattern: '(unclosed' }, strategy: { type: 'redact' } },
    ];
    const refused = await put(admin, target.name, { rules: bad });
    expect(refused.status).toBe(422);
    expect(refused.json.error).toMatchObject({
      code: 'INVALID_INPUT',
      fieldErrors: {
        'rules.1.strict': ['Only column rules can be strict'],
        'rules.2.match.column': ['Column must be schema.table.column, e.g. public.customers.email'],
        'rules.2.strategy.n': ['Keep at least 1 character'],
        'rules.3.match.pattern': ['Pattern must be a valid RE2 regular expression (no lookaround or backreferences)'],
      },
    });
    expect((await put(admin, target.name, {})).json.error?.fieldErrors).toHaveProperty('rules');
    expect((await call(GET, admin, target.name)).json).toEqual({ rules: RULES });
  });

  it('answers 400 for a body that is not JSON and 404 for an unknown target', async () => {
    const admin = await makeActor(db, 'admin');
    const target = await newTarget();
    expect((await call(PUT, admin, target.name, { method: 'PUT', body: '{nope' })).status).toBe(400);
    expect((await call(GET, admin, uniqueName('missing'))).status).toBe(404);
    expect((await put(admin, uniqueName('missing'), { rules: RULES })).status).toBe(404);
  });
});
