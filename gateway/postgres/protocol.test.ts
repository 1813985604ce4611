import { describe, expect, it, beforeAll } from 'vitest';
import pg from 'pg';
import postgres from 'postgres';
import { setupTestDb } from '@/test/db';
import { setupGateway } from '@/test/gateway-harness';
import { RawPgClient, types } from '@/test/raw-pg-client';
import { CLI_ACTOR } from '@/lib/auth/actor';
import { defaultPolicyRules } from '@/lib/policy/default-policy-rules';
import { replaceTargetPolicyRules } from '@/lib/policy/target-policy';
import { buildQuery, buildSync } from './frontend-messages';
import { MessageWriter } from './message-writer';
import { Backend, Frontend } from './message-codes';
import { parseNoticeFields } from './backend-messages';

const store = setupTestDb();
const { db } = store;
const gw = setupGateway(store);

/** The default pack with writes to payments allowed, so the tests can watch writes being rolled back. */
beforeAll(async () => {
  const rules = defaultPolicyRules();
  const at = rules.findIndex((r) => r.id === 'default-approve-write');
  rules.splice(
    at,
    0,
    { id: 'allow-payments-writes', name: 'Allow payments writes', enabled: true, subject: {}, match: { kinds: ['write'], tables: ['public.payments'] }, action: 'allow' },
    { id: 'allow-notify', name: 'Allow NOTIFY', enabled: true, subject: {}, match: { commands: ['NOTIFY'] }, action: 'allow' },
    { id: 'allow-sleep', name: 'Allow pg_sleep', enabled: true, subject: {}, match: { functions: ['pg_sleep'] }, action: 'allow' },
  );
  await replaceTargetPolicyRules(db, { actor: CLI_ACTOR, idOrName: gw.targetName, rules });
});

const parse = (query: string, name = '') => new MessageWriter().cstring(name).cstring(query).int16(0).build(Frontend.Parse);
const bind = (statement = '', portal = '') => new MessageWriter().cstring(portal).cstring(statement).int16(0).int16(0).int16(0).build(Frontend.Bind);
const execute = (portal = '') => new MessageWriter().cstring(portal).int32(0).build(Frontend.Execute);

async function count(where = 'true'): Promise<number> {
  const [row] = await gw.direct.unsafe(`select count(*)::int as n from payments where ${where}`);
  return row!.n as number;
}

async function pgClient(token: string) {
  const client = new pg.Client({ connectionString: gw.connectionString(token).replace('?sslmode=require', ''), ssl: { rejectUnauthorized: false } });
  await client.connect();
  return client;
}

describe('protocol behaviour through the gateway', () => {
  it('skips the rest of a pipeline up to Sync after a blocked message, rolling back what ran before it', async () => {
    const client = await RawPgClient.connect(gw.port, gw.targetName, await gw.tokenFor());
    client.send(
      parse("insert into payments (customer, amount_cents) values ('pipeline-a', 1)"), bind(), execute(),
      parse('delete from payments'), bind(), execute(),
      parse("insert into payments (customer, amount_cents) values ('pipeline-b', 1)"), bind(), execute(),
      buildSync(),
    );
    const frames = await client.until(Backend.ReadyForQuery);
    expect(types(frames)).toBe('12CEZ');
    const error = parseNoticeFields(frames[3]!.payload);
    expect(error).toMatchObject({ C: '42501', M: expect.stringContaining('WHERE') });
    expect(String.fromCharCode(frames[4]!.payload[0]!)).toBe('I');
    expect(await count("customer like 'pipeline-%'")).toBe(0);
    expect(await count()).toBeGreaterThanOrEqual(20);

    client.send(parse('select 41 + 1'), bind(), execute(), buildSync());
    expect(types(await client.until(Backend.ReadyForQuery))).toBe('12DCZ');
    client.close();
  });

  it('aborts an open transaction on a blocked statement so COMMIT cannot keep half of it', async () => {
    const client = await pgClient(await gw.tokenFor());
    await client.query('begin');
    await client.query("insert into payments (customer, amount_cents) values ('txn-half', 1)");
    await expect(client.query('delete from payments')).rejects.toMatchObject({ code: '42501' });
    await expect(client.query('select 1')).rejects.toMatchObject({ code: '25P02' });
    const commit = await client.query('commit');
    expect(commit.command).toBe('ROLLBACK');
    expect(await count("customer = 'txn-half'")).toBe(0);
    await client.end();
  });

  it('relays COPY in and out', async () => {
    const sql = postgres(gw.connectionString(await gw.tokenFor()), { ssl: { rejectUnauthorized: false }, max: 1, onnotice: () => {} });
    const input = await sql`copy payments (customer, amount_cents) from stdin`.writable();
    input.write('copy-1\t100\ncopy-2\t200\n');
    input.end();
    await new Promise((resolve) => input.on('finish', resolve));
    await new Promise((r) => setTimeout(r, 100));
    expect(await count("customer like 'copy-%'")).toBe(2);
    const chunks: Buffer[] = [];
    for await (const chunk of await sql`copy (select customer from payments where customer like 'copy-%' order by 1) to stdout`.readable()) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('copy-1\ncopy-2\n');
    await sql.end();
  });

  it('maps a CancelRequest to the target and cancels the running statement', async () => {
    const sql = postgres(gw.connectionString(await gw.tokenFor()), { ssl: { rejectUnauthorized: false }, max: 1, onnotice: () => {} });
    const [{ pid }] = (await sql`select pg_backend_pid() as pid`) as unknown as [{ pid: number }];
    // pg_sleep checks for interrupts; a big generate_series spends long stretches materialising without doing so.
    const slow = sql`select pg_sleep(60)`;
    const outcome = slow.then(
      () => 'finished',
      (e: { code?: string }) => e.code,
    );
    await expect.poll(async () => (await gw.direct`select state from pg_stat_activity where pid = ${pid}`)[0]?.state, { timeout: 10_000 }).toBe('active');
    const started = Date.now();
    slow.cancel();
    expect(await outcome).toBe('57014');
    expect(Date.now() - started).toBeLessThan(5000);
    await sql.end();
  }, 30_000);

  it('relays NOTICE and NOTIFY', async () => {
    const client = await pgClient(await gw.tokenFor());
    const notices: string[] = [];
    client.on('notice', (n) => notices.push(n.message ?? ''));
    const notified = new Promise<string>((resolve) => client.on('notification', (n) => resolve(n.payload ?? '')));
    await client.query('listen gatehouse_test');
    await client.query("notify gatehouse_test, 'hello'");
    expect(await notified).toBe('hello');
    await client.query('begin');
    await client.query('begin');
    await client.query('commit');
    expect(notices).toContain('there is already a transaction in progress');
    await client.end();
  });

  it('streams a large result without holding it all', async () => {
    const client = await RawPgClient.connect(gw.port, gw.targetName, await gw.tokenFor());
    client.send(buildQuery("select i, repeat('x', 1000) from generate_series(1, 20000) i"));
    let rows = 0;
    for (;;) {
      const f = await client.next();
      if (f.type === Backend.DataRow) rows++;
      if (f.type === Backend.ReadyForQuery) break;
    }
    expect(rows).toBe(20000);
    client.close();
  });

  it('refuses a fast-path function call', async () => {
    const client = await RawPgClient.connect(gw.port, gw.targetName, await gw.tokenFor());
    client.send(new MessageWriter().int32(1).int16(0).int16(0).int16(0).build(Frontend.FunctionCall));
    const frames = await client.until(Backend.ReadyForQuery);
    expect(types(frames)).toBe('EZ');
    expect(parseNoticeFields(frames[0]!.payload).M).toContain('fast-path');
    client.close();
  });

  it('ends the session on an unknown message type', async () => {
    const client = await RawPgClient.connect(gw.port, gw.targetName, await gw.tokenFor());
    client.send(new MessageWriter().build(0x7a));
    await expect(client.until(Backend.ReadyForQuery)).rejects.toThrow(/protocol violation/);
    client.close();
  });
});
