import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import postgres from 'postgres';
import { listStatementRecords } from '@/lib/audit/statement-records';
import { setupTestDb } from '@/test/db';
import { setupGateway } from '@/test/gateway-harness';
import { gatewaySessions, statements } from '@/lib/db/schema';

const run = promisify(execFile);
const store = setupTestDb();
const { db } = store;
const gw = setupGateway(store);

async function psql(token: string, sql: string, extra: string[] = []) {
  return run('psql', ['-X', '-v', 'ON_ERROR_STOP=1', '-At', '-c', sql, ...extra, gw.connectionString(token)], { env: { ...process.env, PGCONNECT_TIMEOUT: '5' } });
}

describe('PostgreSQL gateway with real clients', () => {
  it('relays psql over TLS and records the session and statement', async () => {
    const token = await gw.tokenFor();
    const { stdout } = await psql(token, 'select count(*) from payments');
    expect(stdout.trim()).toBe('20');
    await gw.audit.flush();
    const rows = await listStatementRecords(db, eq(statements.text, 'select count(*) from payments'));
    expect(rows.at(-1)).toMatchObject({ decision: 'allow', commandTag: 'SELECT 1', rowCount: 1, protocol: 'simple' });
    const [session] = await db.select().from(gatewaySessions).where(eq(gatewaySessions.id, rows.at(-1)!.sessionId));
    expect(session).toMatchObject({ targetName: gw.targetName, applicationName: 'psql' });
  });

  it('relays node-postgres with the extended protocol and bind values', async () => {
    const token = await gw.tokenFor();
    const client = new pg.Client({ connectionString: gw.connectionString(token).replace('?sslmode=require', ''), ssl: { rejectUnauthorized: false } });
    await client.connect();
    const res = await client.query('select id, customer from payments where amount_cents = $1', [500]);
    expect(res.rows).toEqual([{ id: 5, customer: 'customer 5' }]);
    await client.end();
    await gw.audit.flush();
    const [row] = await listStatementRecords(db, eq(statements.text, 'select id, customer from payments where amount_cents = $1'));
    expect(row).toMatchObject({ protocol: 'extended', params: ['500'], commandTag: 'SELECT 1' });
  });

  it('relays postgres.js prepared statements', async () => {
    const token = await gw.tokenFor();
    const sql = postgres(gw.connectionString(token), { ssl: { rejectUnauthorized: false }, max: 1, onnotice: () => {} });
    for (let i = 1; i <= 3; i++) {
      const [row] = await sql`select customer from payments where id = ${i}`;
      expect(row!.customer).toBe(`customer ${i}`);
    }
    await sql.end();
  });

  it('refuses a bad token, an unknown target and a cleartext password without TLS', async () => {
    await expect(psql('ghk_' + 'x'.repeat(43), 'select 1')).rejects.toMatchObject({ stderr: expect.stringContaining('Unknown access token') });
    const token = await gw.tokenFor();
    const wrongTarget = gw.connectionString(token).replace(`/${gw.targetName}?`, '/no-such-target?');
    await expect(run('psql', ['-X', '-c', 'select 1', wrongTarget])).rejects.toMatchObject({ stderr: expect.stringContaining('no target named "no-such-target"') });
    const plain = gw.connectionString(token).replace('sslmode=require', 'sslmode=disable');
    await expect(run('psql', ['-X', '-c', 'select 1', plain])).rejects.toMatchObject({ stderr: expect.stringContaining('requires TLS') });
  });
});
