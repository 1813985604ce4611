import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import postgres from 'postgres';
import { setupTestDb } from '@/test/db';
import { setupGateway } from '@/test/gateway-harness';
import { startRecordingProxy, type RecordingProxy } from '@/test/recording-proxy';
import { CLI_ACTOR } from '@/lib/auth/actor';
import { replaceTargetPolicyRules } from '@/lib/policy/target-policy';
import { replaceTargetMaskingRules } from '@/lib/masking/replace-target-masking';
import type { MaskingRule } from '@/lib/masking/masking-schema';
import { statements } from '@/lib/db/schema';
import { eq, inArray } from 'drizzle-orm';
import { gatewaySessions } from '@/lib/db/schema';
import { MessageWriter } from './message-writer';
import { Backend, Frontend } from './message-codes';
import { buildSync } from './frontend-messages';
import { parseNoticeFields } from './backend-messages';
import { RawPgClient } from '@/test/raw-pg-client';

const run = promisify(execFile);
const store = setupTestDb();
const { db } = store;
const gw = setupGateway(store, { cleartextOnLoopback: true });

/** Values that must never reach a client, in any form. */
const SECRETS = {
  email: 'alice.secret@example.com',
  card: '4111111111111111',
  nationalId: 'NI-778899-QX',
  phone: '+44 20 7946 0958',
  notesEmail: 'bob.hidden@corp.test',
  notesCard: '5555555555554444',
};

const RULES: MaskingRule[] = [
  { id: 'email', name: 'E-mail', enabled: true, match: { type: 'column', column: 'public.customers.email' }, strategy: { type: 'email-domain' } },
  { id: 'phone', name: 'Phone', enabled: true, match: { type: 'column', column: 'public.customers.phone' }, strategy: { type: 'keep-last', n: 4 } },
  { id: 'card', name: 'Card', enabled: true, match: { type: 'column', column: 'public.customers.card_number' }, strategy: { type: 'keep-last', n: 4 } },
  { id: 'nid', name: 'National id', enabled: true, strict: true, match: { type: 'column', column: 'public.customers.national_id' }, strategy: { type: 'redact' } },
  { id: 'det-email', name: 'E-mail detector', enabled: true, match: { type: 'detector', detector: 'email' }, strategy: { type: 'redact' } },
  { id: 'det-card', name: 'Card detector', enabled: true, match: { type: 'detector', detector: 'payment-card' }, strategy: { type: 'redact' } },
];

let proxy: RecordingProxy;
let token: string;

beforeAll(async () => {
  await gw.direct.unsafe(`
    create table customers (id int primary key, full_name text, email text, phone text, card_number text, national_id text, notes text, balance int);
    insert into customers values
      (1, 'Alice', '${SECRETS.email}', '${SECRETS.phone}', '${SECRETS.card}', '${SECRETS.nationalId}', 'contact ${SECRETS.notesEmail} card ${SECRETS.notesCard}', 100),
      (2, 'Bob', 'bob@example.org', '+1 555 010 2000', '4012888888881881', 'NI-112233-AB', 'nothing here', 200);
    create view customer_contacts as select id, email, upper(phone) as phone_up, full_name from customers;
    create view contact_names as select id, email as address from customer_contacts;
    create function customer_emails() returns setof text language sql as 'select email from customers';
    grant all on all tables in schema public to "${gw.target.username}";
    grant execute on function customer_emails() to "${gw.target.username}";
  `);
  await replaceTargetPolicyRules(db, {
    actor: CLI_ACTOR,
    idOrName: gw.targetName,
    rules: [{ id: 'allow-all', name: 'Allow all', enabled: true, subject: {}, match: {}, action: 'allow' }],
  });
  await replaceTargetMaskingRules(db, { actor: CLI_ACTOR, idOrName: gw.targetName, rules: RULES });
  token = await gw.tokenFor();
  proxy = await startRecordingProxy(gw.port);
}, 60_000);

afterAll(() => proxy?.close());

const conninfo = () => `host=127.0.0.1 port=${proxy.port} dbname=${gw.targetName} user=probe password=${token} sslmode=disable`;

/** Fails naming the secret and where it was found: the raw bytes, as hex, or as base64. */
function expectNoSecrets(bytes: Buffer, what: string): void {
  const text = bytes.toString('latin1');
  for (const [name, secret] of Object.entries(SECRETS)) {
    for (const [form, encoded] of [
      ['text', secret],
      ['hex', Buffer.from(secret).toString('hex')],
      ['base64', Buffer.from(secret).toString('base64').slice(0, 16)],
    ] as const) {
      expect(text.includes(encoded), `${name} (${form}) reached the client for: ${what}`).toBe(false);
    }
  }
}

async function psql(sql: string): Promise<string> {
  const { stdout, stderr } = await run('psql', [conninfo(), '-X', '-At', '-v', 'ON_ERROR_STOP=0', '-c', sql]).catch((e: { stdout: string; stderr: string }) => e);
  return stdout + stderr;
}

const PROBES = [
  'select * from customers',
  'select email as e, phone p, card_number "cc", national_id from customers c',
  "select upper(email), email || '', lower(phone), reverse(card_number), substr(national_id, 1, 20) from customers",
  'select email::varchar(100), cast(card_number as text), national_id::bytea, convert_to(email, \'UTF8\') from customers',
  'select to_json(c), row_to_json(c), to_jsonb(c.*), c::text from customers c',
  "select string_agg(email, ','), array_agg(card_number), json_agg(c), max(national_id) from customers c",
  'select * from (select email, national_id from customers) s',
  'with x as (select national_id n, email from customers) select n, email, n || email from x',
  'select * from customer_contacts',
  'select address, upper(address) from contact_names',
  "select email from customers union all select 'x'",
  'select customer_emails()',
  'select notes from customers',
  'select email::int from customers',
  'select national_id::int from customers',
  "select format('%s', email) from customers",
  'copy (select notes from customers) to stdout',
  'copy customers to stdout',
  'copy customers (email) to stdout with (format binary)',
  'begin; declare cur cursor for select upper(email), national_id from customers; fetch all from cur; commit',
  'prepare leak as select upper(email), national_id || \'\' from customers; execute leak; deallocate leak',
  "do $$ begin raise notice 'found %', (select email from customers where id = 1); end $$",
  "select id from customers where national_id = 'NI-778899-QX'",
  'select id from customers order by national_id',
];

describe('masking probes through the real gateway: no seeded secret reaches the client', () => {
  it.each(PROBES)('psql: %s', async (sql) => {
    proxy.reset();
    const output = await psql(sql);
    expectNoSecrets(proxy.received(), sql);
    expect(output).not.toMatch(/server closed the connection|terminat/i);
  });

  it('shows the masked forms a caller expects', async () => {
    const out = await psql('select email, phone, card_number, national_id from customers where id = 1');
    expect(out.trim()).toBe('****@example.com|****0958|****1111|[redacted]');
    expect(await psql('select notes from customers where id = 1')).toContain('[redacted email]');
  });

  it('refuses filtering on a strict column, and COPY of masked columns, with clear messages', async () => {
    expect(await psql("select id from customers where national_id = 'x'")).toMatch(/public\.customers\.national_id is masked .* may not be used to filter/);
    expect(await psql('copy customers to stdout')).toMatch(/COPY \.\.\. TO would read masked columns/);
  });

  it('masks extended-protocol results of node-postgres (text) with parameters', async () => {
    proxy.reset();
    const client = new pg.Client({ connectionString: `postgres://probe:${encodeURIComponent(token)}@127.0.0.1:${proxy.port}/${gw.targetName}` });
    await client.connect();
    const res = await client.query('select id, email, upper(email) as up, national_id, notes from customers where id = $1', [1]);
    await client.end();
    expect(res.rows[0]).toMatchObject({ id: 1, email: '****@example.com', up: '[redacted]', national_id: '[redacted]' });
    expectNoSecrets(proxy.received(), 'node-postgres');
  });

  it('masks postgres.js prepared statements (Describe statement, then Bind/Execute later)', async () => {
    proxy.reset();
    const sql = postgres(`postgres://probe:${encodeURIComponent(token)}@127.0.0.1:${proxy.port}/${gw.targetName}`, { max: 1, prepare: true, onnotice: () => {} });
    for (let i = 0; i < 3; i++) {
      const rows = await sql`select email, card_number, balance from customers where id = ${1}`;
      expect(rows[0]).toMatchObject({ email: '****@example.com', card_number: '****1111', balance: 100 });
    }
    await sql.end();
    expectNoSecrets(proxy.received(), 'postgres.js');
  });

  it('masks binary-format results: masked columns come back as text, other columns keep their binary form', async () => {
    proxy.reset();
    const client = await RawPgClient.connect(gw.port, gw.targetName, token);
    const parse = new MessageWriter().cstring('').cstring('select email, card_number, national_id::bytea, balance from customers order by id').int16(0).build(Frontend.Parse);
    const bind = new MessageWriter().cstring('').cstring('').int16(0).int16(0).int16(1).int16(1).build(Frontend.Bind);
    const describe = new MessageWriter().byte(0x50).cstring('').build(Frontend.Describe);
    const execute = new MessageWriter().cstring('').int32(0).build(Frontend.Execute);
    client.send(parse, bind, describe, execute, buildSync());
    const frames = await client.until(Backend.ReadyForQuery);
    client.close();
    const rows = frames.filter((f) => f.type === Backend.DataRow);
    expect(rows).toHaveLength(2);
    const all = Buffer.concat(frames.map((f) => f.raw));
    expectNoSecrets(all, 'binary results');
    expect(all.includes(Buffer.from('****@example.com'))).toBe(true);
    const balance = rows[0]!.payload.subarray(rows[0]!.payload.length - 4).readInt32BE(0);
    expect(balance).toBe(100);
    const description = frames.find((f) => f.type === Backend.RowDescription)!;
    expect(description.payload.includes(Buffer.from('email\0'))).toBe(true);
  });

  it('withholds error messages of statements that read masked columns', async () => {
    const out = await psql('select national_id::int from customers');
    expect(out).toMatch(/message withheld because the statement reads masked columns \(SQLSTATE 22P02\)/);
  });

  it('masks what the detectors find in statement records kept for audit', async () => {
    // Base 36, not decimal: a 13-digit timestamp is a Luhn-valid card number one time in ten, and would be masked.
    const tag = `audit-probe-${Date.now().toString(36)}`;
    await psql(`select '${tag}', 'pay with ${SECRETS.notesCard} or mail ${SECRETS.notesEmail}'`);
    // Reads are recorded by group commit: wait for the record rather than for a fixed time.
    let record: typeof statements.$inferSelect | undefined;
    for (let tries = 0; !record && tries < 50; tries++) {
      await gw.audit.flush();
      const sessions = await db.select({ id: gatewaySessions.id }).from(gatewaySessions).where(eq(gatewaySessions.targetName, gw.targetName));
      const records = await db.select().from(statements).where(inArray(statements.sessionId, sessions.map((s) => s.id)));
      record = records.find((r) => r.text.includes(tag));
      if (!record) await new Promise((r) => setTimeout(r, 100));
    }
    expect(record).toBeDefined();
    expect(record!.text).not.toContain(SECRETS.notesCard);
    expect(record!.text).not.toContain(SECRETS.notesEmail);
    expect(record!.text).toContain('[redacted card number]');
  });

  it('runs errors of statements that read no masked column through the detectors, and withholds DO-block notices', async () => {
    proxy.reset();
    const error = await psql(`select 'ticket for ${SECRETS.notesEmail}'::int`);
    expect(error).toMatch(/invalid input syntax for type integer: "ticket for \[redacted email\]"/);
    const notice = await psql(`do $$ begin raise notice 'ticket for ${SECRETS.notesEmail}'; end $$`);
    expect(notice).toMatch(/NOTICE: +Gatehouse: message withheld because the statement reads masked columns \(SQLSTATE 00000\)/);
    expectNoSecrets(proxy.received(), 'notice');
  });

  it('runs NOTIFY payloads through the detectors before a listener sees them', async () => {
    const url = `postgres://probe:${encodeURIComponent(token)}@127.0.0.1:${proxy.port}/${gw.targetName}`;
    const listener = new pg.Client({ connectionString: url });
    const sender = new pg.Client({ connectionString: url });
    await Promise.all([listener.connect(), sender.connect()]);
    proxy.reset();
    const received = new Promise<string | undefined>((resolve) => listener.on('notification', (n) => resolve(n.payload)));
    await listener.query('listen probes');
    await sender.query(`notify probes, 'contact ${SECRETS.notesEmail}'`);
    expect(await received).toBe('contact [redacted email]');
    await Promise.all([listener.end(), sender.end()]);
    expectNoSecrets(proxy.received(), 'notify');
  });

  it('masks rows of an Execute the client never described (binary format), by describing the portal itself', async () => {
    const client = await RawPgClient.connect(gw.port, gw.targetName, token);
    const parse = new MessageWriter().cstring('s1').cstring('select national_id, email from customers where id = 1').int16(0).build(Frontend.Parse);
    const bind = new MessageWriter().cstring('p1').cstring('s1').int16(0).int16(0).int16(1).int16(1).build(Frontend.Bind);
    const execute = new MessageWriter().cstring('p1').int32(0).build(Frontend.Execute);
    client.send(parse, bind, execute, buildSync());
    const frames = await client.until(Backend.ReadyForQuery);
    client.close();
    expect(frames.map((f) => String.fromCharCode(f.type)).join('')).toBe('12DCZ');
    const row = frames.find((f) => f.type === Backend.DataRow)!;
    expect(row.payload.includes(Buffer.from('[redacted]'))).toBe(true);
    expect(row.payload.includes(Buffer.from('****@example.com'))).toBe(true);
    expectNoSecrets(Buffer.concat(frames.map((f) => f.raw)), 'binary without describe');
  });
});
