import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import postgres from 'postgres';
import { setupGateway } from '@/test/gateway-harness';
import { listStatementRecords } from '@/lib/audit/statement-records';
import { createDb } from '@/lib/db/client';
import { migrateDatabase } from '@/lib/db/migrate';
import { dropDatabase, maintenanceUrl } from '@/lib/db/ensure-database';
import { getEnv } from '@/lib/env';
import { appDatabaseUrl } from '@/lib/db/app-role';
import { statements } from '@/lib/db/schema';
import { CLI_ACTOR } from '@/lib/auth/actor';
import { defaultPolicyRules } from '@/lib/policy/default-policy-rules';
import { replaceTargetPolicyRules } from '@/lib/policy/target-policy';

// A store of its own, so that cutting it off does not disturb the other test files.
const storeUrl = new URL(getEnv().DATABASE_URL);
storeUrl.pathname = `/gatehouse_outage_${randomBytes(4).toString('hex')}`;
const store = createDb(storeUrl.toString(), { max: 4 });
const appStore = createDb(appDatabaseUrl(storeUrl.toString(), undefined), { max: 4 });
const admin = postgres(maintenanceUrl(storeUrl.toString()), { max: 1, onnotice: () => {} });
const storeName = storeUrl.pathname.slice(1);

beforeAll(() => migrateDatabase(storeUrl.toString()));
const gw = setupGateway(store, { auditSql: appStore.sql });
beforeAll(async () => {
  const rules = defaultPolicyRules();
  rules.splice(rules.findIndex((r) => r.id === 'default-approve-write'), 0, {
    id: 'allow-payments-writes', name: 'Allow payments writes', enabled: true, subject: {}, match: { kinds: ['write'], tables: ['public.payments'] }, action: 'allow',
  });
  await replaceTargetPolicyRules(store.db, { actor: CLI_ACTOR, idOrName: gw.targetName, rules });
});
afterAll(async () => {
  await store.sql.end({ timeout: 1 });
  await appStore.sql.end({ timeout: 1 });
  await dropDatabase(storeUrl.toString());
  await admin.end();
});

async function cutOffStore() {
  await admin.unsafe(`alter database "${storeName}" with allow_connections false`);
  await admin`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${storeName}`;
}

async function restoreStore() {
  await admin.unsafe(`alter database "${storeName}" with allow_connections true`);
}

describe('when the audit store is down', () => {
  it('refuses statements instead of running them unrecorded, and keeps the batched records', async () => {
    const client = new pg.Client({ connectionString: gw.connectionString(await gw.tokenFor()).replace('?sslmode=require', ''), ssl: { rejectUnauthorized: false } });
    await client.connect();
    await client.query("select 'before the outage'");

    await cutOffStore();
    try {
      // The writer has not seen the outage yet: this read is queued for the next group commit.
      await client.query("select 'read as the outage starts'");
      await gw.audit.flush();
      expect(gw.audit.isHealthy).toBe(false);
      await expect(client.query("insert into payments (customer, amount_cents) values ('during-outage', 1)")).rejects.toMatchObject({
        code: '57P03',
        message: expect.stringContaining('audit store unavailable'),
      });
      const [{ n }] = (await gw.direct`select count(*)::int as n from payments where customer = 'during-outage'`) as unknown as [{ n: number }];
      expect(n).toBe(0);
      await expect(client.query("select 'refused read'")).rejects.toMatchObject({ code: '57P03' });
    } finally {
      await restoreStore();
    }

    for (let i = 0; i < 50 && !gw.audit.isHealthy; i++) {
      await new Promise((r) => setTimeout(r, 100));
      await gw.audit.flush();
    }
    expect(gw.audit.isHealthy).toBe(true);
    await client.query("select 'after the outage'");
    await gw.audit.flush();
    const texts = (await store.db.select({ text: statements.text }).from(statements)).map((r) => r.text);
    expect(texts).toEqual(expect.arrayContaining(["select 'before the outage'", "select 'read as the outage starts'", "select 'after the outage'"]));
    // The refused write is recorded all the same (its session's hash chain has no gap), saying it never ran.
    const [refused] = await listStatementRecords(store.db, eq(statements.text, "insert into payments (customer, amount_cents) values ('during-outage', 1)"));
    expect(refused).toMatchObject({ sqlstate: '58000', errorMessage: expect.stringContaining('not run') });
    const [kept] = await listStatementRecords(store.db, eq(statements.text, "select 'read as the outage starts'"));
    expect(kept).toMatchObject({ decision: 'allow', commandTag: 'SELECT 1' });
    await client.end();
  });
});
