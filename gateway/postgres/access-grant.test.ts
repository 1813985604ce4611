import { beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { setupTestDb, uniqueName } from '@/test/db';
import { setupGateway } from '@/test/gateway-harness';
import { makeActor } from '@/test/actors';
import { CLI_ACTOR } from '@/lib/auth/actor';
import { defaultPolicyRules } from '@/lib/policy/default-policy-rules';
import { replaceTargetPolicyRules } from '@/lib/policy/target-policy';
import { createAccessToken } from '@/lib/tokens/create-access-token';
import { requestAccessGrant } from '@/lib/access-grants/request-access-grant';
import { decideAccessGrant } from '@/lib/access-grants/decide-access-grant';
import { revokeAccessGrant } from '@/lib/access-grants/revoke-access-grant';

const store = setupTestDb();
const { db } = store;
const gw = setupGateway(store);

beforeAll(async () => {
  await replaceTargetPolicyRules(db, {
    actor: CLI_ACTOR,
    idOrName: gw.targetName,
    rules: [
      { id: 'admins-write', name: 'Admins write payments', enabled: true, subject: { roles: ['admin'] }, match: { kinds: ['write'], tables: ['public.payments'] }, action: 'allow' },
      ...defaultPolicyRules(),
    ],
  });
});

async function eventually(run: () => Promise<unknown>, accept: (v: unknown) => boolean): Promise<unknown> {
  let value: unknown;
  for (let i = 0; i < 40; i++) {
    value = await run().then((v) => v, (e: unknown) => e);
    if (accept(value)) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  return value;
}

describe('time-boxed access grants in the gateway', () => {
  it("gives a live session the granted role's access until the grant ends", async () => {
    const user = await makeActor(db, 'user');
    const approver = await makeActor(db, 'approver');
    const { token } = await createAccessToken(db, { actor: CLI_ACTOR, input: { name: uniqueName('grant'), userEmail: user.email } });
    const client = new pg.Client({ connectionString: gw.connectionString(token).replace('?sslmode=require', ''), ssl: { rejectUnauthorized: false } });
    await client.connect();
    const update = () => client.query("update payments set status = 'checked' where id = 10");
    await expect(update()).rejects.toMatchObject({ code: '42501' });

    const grant = await requestAccessGrant(db, { actor: user, input: { target: gw.targetName, role: 'admin', durationMinutes: 60, reason: 'month-end fix' } });
    await decideAccessGrant(db, { actor: approver, grantId: grant.id, decision: 'approve' });
    expect(await eventually(update, (v) => (v as { rowCount?: number }).rowCount === 1)).toMatchObject({ rowCount: 1 });

    await revokeAccessGrant(db, { actor: approver, grantId: grant.id });
    expect(await eventually(update, (v) => (v as { code?: string }).code === '42501')).toMatchObject({ code: '42501' });
    await client.end();
  });
});
