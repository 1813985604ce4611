import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { createDb } from '@/lib/db/client';
import { appDatabaseUrl } from '@/lib/db/app-role';
import { dropDatabase } from '@/lib/db/ensure-database';
import { migrateDatabase } from '@/lib/db/migrate';
import { getEnv } from '@/lib/env';
import { gatewaySessions, statements } from '@/lib/db/schema';
import { setupGateway } from '@/test/gateway-harness';

const exec = promisify(execFile);

// The command checks the whole store, so this file records into a database of its own (created
// before the gateway harness registers its hooks, which take the client as they are set up).
const env = getEnv();
const storeUrl = new URL(env.DATABASE_URL);
storeUrl.pathname = `${storeUrl.pathname}_verify_${randomBytes(4).toString('hex')}`;
const appUrl = new URL(appDatabaseUrl(env.DATABASE_URL, env.DATABASE_APP_URL));
appUrl.pathname = storeUrl.pathname;
await migrateDatabase(storeUrl.toString(), appUrl.toString());
const owner = createDb(storeUrl.toString(), { max: 2 });
const app = createDb(appUrl.toString(), { max: 4 });
afterAll(async () => {
  await owner.sql.end({ timeout: 5 });
  await app.sql.end({ timeout: 5 });
  await dropDatabase(storeUrl.toString());
});
const gw = setupGateway(owner, { auditSql: app.sql });

async function verify(...args: string[]) {
  const childEnv = { ...process.env, GATEHOUSE_ENV_FILE: '/nonexistent/gatehouse.env', DATABASE_URL: storeUrl.toString(), DATABASE_APP_URL: appUrl.toString() };
  try {
    const { stdout, stderr } = await exec('./bin/gatehouse', ['audit', 'verify', ...args], { env: childEnv });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

async function recordSession(queries: string[]): Promise<string> {
  const client = new pg.Client({ connectionString: gw.connectionString(await gw.tokenFor()).replace('?sslmode=require', ''), ssl: { rejectUnauthorized: false } });
  await client.connect();
  for (const q of queries) await client.query(q).catch(() => {});
  await client.end();
  await gw.audit.flush();
  for (let i = 0; i < 100; i++) {
    const [row] = await owner.db.select({ id: gatewaySessions.id }).from(gatewaySessions).innerJoin(statements, eq(statements.sessionId, gatewaySessions.id)).where(eq(statements.text, queries[0]!));
    const [ended] = row ? await owner.db.select().from(gatewaySessions).where(eq(gatewaySessions.id, row.id)) : [];
    if (ended?.endedAt) return ended.id;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the session did not end');
}

describe('gatehouse audit verify', () => {
  it('passes a session recorded through the gateway, then names the statement edited behind its back', async () => {
    const sessionId = await recordSession(["select 'verify me'", 'select 2 as n', 'delete from payments', 'select 3']);

    const intact = await verify();
    expect(intact.stderr).toBe('');
    expect(intact.stdout).toMatch(/^audit chain intact: \d+ events, 1 sessions, 4 statements, \d+ outcomes checked$/m);
    expect(intact.code).toBe(0);
    const head = /^head: (\d+:[0-9a-f]{64})$/m.exec(intact.stdout)![1]!;
    expect((await verify('--expect-head', head)).code).toBe(0);

    await owner.sql`update statements set text = 'select 2 as harmless' where session_id = ${sessionId} and text = 'select 2 as n'`;
    const [edited] = await owner.sql<{ id: string; link: number }[]>`select id::text as id, link from statements where text = 'select 2 as harmless'`;
    const { id, link } = edited!;
    const broken = await verify();
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain(`audit chain BROKEN at statements, session ${sessionId}, link ${link} (edited):`);
    expect(broken.stdout).toContain(`statement ${id} at link ${link} was edited`);

    const json = JSON.parse((await verify('--json')).stdout) as { ok: boolean; firstBreak: { table: string; link: number } };
    expect(json).toMatchObject({ ok: false, firstBreak: { where: 'session', table: 'statements', kind: 'edited', sessionId, link } });
  }, 60_000);

  it('refuses a malformed head with a usage error', async () => {
    const result = await verify('--expect-head', 'latest');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--expect-head takes SEQ:HASH');
  }, 20_000);
});
