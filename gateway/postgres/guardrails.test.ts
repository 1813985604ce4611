import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { listStatementRecords } from '@/lib/audit/statement-records';
import { setupTestDb } from '@/test/db';
import { setupGateway } from '@/test/gateway-harness';
import { statements } from '@/lib/db/schema';

const run = promisify(execFile);
const store = setupTestDb();
const { db } = store;
const gw = setupGateway(store);

async function psql(token: string, sql: string) {
  return run('psql', ['-X', '-v', 'ON_ERROR_STOP=1', '-At', '-c', sql, gw.connectionString(token)]);
}

async function count(): Promise<number> {
  const [row] = await gw.direct`select count(*)::int as n from payments`;
  return row!.n as number;
}

describe('statement guardrails with the default policy, proven by their effect on the data', () => {
  const refused: [string, RegExp][] = [
    ['DELETE FROM payments', /WHERE/],
    ['/* harmless */ DeLeTe\n FROM payments -- where id = 1', /WHERE/],
    ['delete from payments where 1 = 1', /WHERE/],
    ['delete from payments where id = id', /WHERE/],
    ['update payments set amount_cents = 0', /WHERE/],
    ['WITH d AS (DELETE FROM payments WHERE id > 0 RETURNING *) SELECT * FROM d', /approval/i],
    ['EXPLAIN ANALYZE DELETE FROM payments WHERE id > 0', /approval/i],
    ['DO $$ BEGIN DELETE FROM payments; END $$', /approval/i],
    ['DO $body$ BEGIN EXECUTE $x$DELETE FROM payments$x$; END $body$', /approval/i],
    ['select delete_everything()', /approval/i],
    ['SELECT 1; DROP TABLE payments', /Blocked|DROP/i],
    ['TRUNCATE payments', /TRUNCATE|Blocked/i],
    ['select 1; delete from payments', /WHERE/],
    ['COPY payments TO PROGRAM \'cat > /dev/null\'', /PROGRAM|Blocked/i],
  ];

  it.each(refused)('refuses %j and the rows stay', async (sql, message) => {
    const token = await gw.tokenFor('admin');
    await expect(psql(token, sql)).rejects.toMatchObject({ stderr: expect.stringMatching(message) });
    expect(await count()).toBe(20);
  });

  it('refuses SELECT ... INTO: no table is created', async () => {
    const token = await gw.tokenFor();
    await expect(psql(token, 'SELECT * INTO copy_of_payments FROM payments')).rejects.toMatchObject({ stderr: expect.stringContaining('Gatehouse') });
    const [row] = await gw.direct`select to_regclass('public.copy_of_payments') as t`;
    expect(row!.t).toBeNull();
  });

  it('refuses role switching, including through set_config and through Bind values', async () => {
    const token = await gw.tokenFor();
    await expect(psql(token, 'SET ROLE postgres')).rejects.toMatchObject({ stderr: expect.stringContaining('Gatehouse') });
    await expect(psql(token, "select set_config('role', 'postgres', false)")).rejects.toMatchObject({ stderr: expect.stringContaining('Gatehouse') });
    const client = new pg.Client({ connectionString: gw.connectionString(token).replace('?sslmode=require', ''), ssl: { rejectUnauthorized: false } });
    await client.connect();
    await expect(client.query('select set_config($1, $2, false)', ['role', 'postgres'])).rejects.toMatchObject({ code: '42501' });
    const { rows } = await client.query('select current_user as u');
    expect(rows[0].u).toBe(gw.target.username);
    await client.end();
  });

  it('lets quoted tricks through only as the data they are', async () => {
    const token = await gw.tokenFor();
    const { stdout } = await psql(token, "select 'a; drop table payments', $x$;DELETE FROM payments;$x$");
    expect(stdout.trim()).toBe('a; drop table payments|;DELETE FROM payments;');
    expect(await count()).toBe(20);
  });

  it('refuses what the parser cannot parse', async () => {
    const token = await gw.tokenFor();
    await expect(psql(token, 'selec * frm payments')).rejects.toMatchObject({ stderr: expect.stringContaining('could not parse') });
  });

  it('records refused statements with the deciding rule', async () => {
    const token = await gw.tokenFor();
    // A text of its own: other test files in this run record statements too.
    const text = 'delete from payments -- guardrails: the refusal is recorded';
    await psql(token, text).catch(() => {});
    await gw.audit.flush();
    const rows = await listStatementRecords(db, eq(statements.text, text));
    expect(rows.at(-1)).toMatchObject({ decision: 'block', ruleId: 'default-block-delete-without-where', });
    expect(rows.at(-1)!.commandTag ?? null).toBeNull();
  });
});

describe('settings that would make the server read statements differently from Gatehouse', () => {
  it.each([
    'SET standard_conforming_strings = off',
    'set standard_conforming_strings to 0',
    "select set_config('standard_conforming_strings', 'off', false)",
    "SET client_encoding = 'SJIS'",
    "SET NAMES 'BIG5'",
    'reset standard_conforming_strings',
    "set backslash_quote = on",
  ])('refuses %j whatever the policy says', async (sql) => {
    const token = await gw.tokenFor('admin');
    await expect(psql(token, sql)).rejects.toMatchObject({ stderr: expect.stringContaining('not allowed through Gatehouse') });
  });

  it('refuses a client encoding that can hide quotes inside multibyte characters', async () => {
    const token = await gw.tokenFor();
    await expect(run('psql', ['-X', '-c', 'select 1', `${gw.connectionString(token)}&client_encoding=SJIS`])).rejects.toMatchObject({
      stderr: expect.stringContaining('client_encoding SJIS is not supported'),
    });
  });

  it('drops startup options that could carry settings', async () => {
    const token = await gw.tokenFor();
    const { stdout } = await run('psql', ['-X', '-At', '-c', 'show standard_conforming_strings', `${gw.connectionString(token)}&options=-c%20standard_conforming_strings%3Doff`]);
    expect(stdout.trim()).toBe('on');
  });
});
