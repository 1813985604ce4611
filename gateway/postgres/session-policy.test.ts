import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { setupTestDb } from '@/test/db';
import { setupGateway } from '@/test/gateway-harness';
import { CLI_ACTOR } from '@/lib/auth/actor';
import { defaultPolicyRules } from '@/lib/policy/default-policy-rules';
import { replaceTargetPolicyRules, updateTargetSessionSettings } from '@/lib/policy/target-policy';

const store = setupTestDb();
const { db } = store;
const gw = setupGateway(store);

async function connect(token: string) {
  const client = new pg.Client({ connectionString: gw.connectionString(token).replace('?sslmode=require', ''), ssl: { rejectUnauthorized: false } });
  const ended = new Promise<Error | null>((resolve) => {
    client.on('error', (e) => resolve(e));
    client.on('end', () => resolve(null));
  });
  await client.connect();
  return { client, ended };
}

describe('target policy applied to sessions', () => {
  it('applies a saved rule to live sessions within moments', async () => {
    const { client } = await connect(await gw.tokenFor());
    await client.query('select count(*) from payments');
    const rules = [
      { id: 'no-payments', name: 'No payments reads', enabled: true, subject: {}, match: { tables: ['public.payments'] }, action: 'block' as const, message: 'payments are off limits' },
      ...defaultPolicyRules(),
    ];
    await replaceTargetPolicyRules(db, { actor: CLI_ACTOR, idOrName: gw.targetName, rules });
    let refused: unknown = null;
    for (let i = 0; i < 40 && !refused; i++) {
      await new Promise((r) => setTimeout(r, 100));
      refused = await client.query('select count(*) from payments').then(() => null, (e: unknown) => e);
    }
    expect(refused).toMatchObject({ code: '42501', message: 'Gatehouse: payments are off limits' });
    await replaceTargetPolicyRules(db, { actor: CLI_ACTOR, idOrName: gw.targetName, rules: defaultPolicyRules() });
    await client.end();
  });

  it('applies a saved rule to statements prepared before it', async () => {
    const { client } = await connect(await gw.tokenFor());
    const prepared = { name: 'count_payments', text: 'select count(*) from payments' };
    await client.query(prepared);
    await replaceTargetPolicyRules(db, {
      actor: CLI_ACTOR,
      idOrName: gw.targetName,
      rules: [{ id: 'no-payments', name: 'No payments reads', enabled: true, subject: {}, match: { tables: ['public.payments'] }, action: 'block', message: 'payments are off limits' }, ...defaultPolicyRules()],
    });
    let refused: unknown = null;
    for (let i = 0; i < 40 && !refused; i++) {
      await new Promise((r) => setTimeout(r, 100));
      refused = await client.query(prepared).then(() => null, (e: unknown) => e);
    }
    expect(refused).toMatchObject({ code: '42501', message: 'Gatehouse: payments are off limits' });
    expect((await client.query('select 1 as ok')).rows).toEqual([{ ok: 1 }]);
    await replaceTargetPolicyRules(db, { actor: CLI_ACTOR, idOrName: gw.targetName, rules: defaultPolicyRules() });
    await client.end();
  });

  it('ends idle sessions and sessions past their maximum length, saying why', async () => {
    await updateTargetSessionSettings(db, { actor: CLI_ACTOR, idOrName: gw.targetName, settings: { idleTimeoutSeconds: 1, maxSessionSeconds: 3 } });
    const idle = await connect(await gw.tokenFor());
    const idleEnd = await idle.ended;
    expect(idleEnd).toMatchObject({ code: '57P05', message: expect.stringContaining('idle for more than 1 s') });

    const busy = await connect(await gw.tokenFor());
    const started = Date.now();
    const keepBusy = setInterval(() => busy.client.query('select 1').catch(() => {}), 300);
    const busyEnd = await busy.ended;
    clearInterval(keepBusy);
    expect(busyEnd).toMatchObject({ message: expect.stringContaining('maximum length of 3 s') });
    expect(Date.now() - started).toBeGreaterThan(2500);
    await updateTargetSessionSettings(db, { actor: CLI_ACTOR, idOrName: gw.targetName, settings: {} });
  });

  it('refuses invalid settings with a clear message', async () => {
    await expect(updateTargetSessionSettings(db, { actor: CLI_ACTOR, idOrName: gw.targetName, settings: { idleTimeoutSeconds: -5 } })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(updateTargetSessionSettings(db, { actor: CLI_ACTOR, idOrName: gw.targetName, settings: { idle: 5 } })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});
