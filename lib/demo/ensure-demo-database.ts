import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { describeConnectError, ensureDatabase } from '../db/ensure-database';
import { demoDatabaseUrl } from './demo-database-url';
import { DEMO_TABLES_DDL, fillDemoTables } from './fill-demo-tables';

export type DemoDatabase = { host: string; port: number; database: string; username: string; password: string };

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Creates (or brings up to date) the demo database: the database itself, a login role named after
 * it whose password is reset on every call (so the password returned is always the current one),
 * the customers and payments tables filled with deterministic fake data, and the role's grants.
 */
export async function ensureDemoDatabase(
  target: { url: string; variable: string } = demoDatabaseUrl(),
): Promise<DemoDatabase> {
  await ensureDatabase(target.url, target.variable);
  const u = new URL(target.url);
  const database = decodeURIComponent(u.pathname.slice(1));
  const role = database;
  const password = randomBytes(18).toString('base64url');
  const sql = postgres(target.url, { max: 1, connect_timeout: 5, onnotice: () => {} });
  try {
    await sql`select 1`.catch((e: unknown) => {
      throw new Error(describeConnectError(target.url, e, target.variable));
    });
    await ensureLoginRole(sql, role, password);
    await sql.unsafe(DEMO_TABLES_DDL);
    await fillDemoTables(sql);
    const r = quoteIdent(role);
    await sql.unsafe(`grant connect on database ${quoteIdent(database)} to ${r}`);
    await sql.unsafe(`grant usage on schema public to ${r}`);
    await sql.unsafe(`grant select, insert, update, delete on customers, payments to ${r}`);
    await sql.unsafe(`grant usage, select on all sequences in schema public to ${r}`);
  } finally {
    await sql.end({ timeout: 5 });
  }
  return { host: u.hostname.replace(/^\[|\]$/g, ''), port: Number(u.port || 5432), database, username: role, password };
}

async function ensureLoginRole(sql: postgres.Sql, role: string, password: string): Promise<void> {
  const [existing] = await sql`select 1 from pg_roles where rolname = ${role}`;
  if (!existing) {
    // Another first start may create the role between the check and here (42710 duplicate_object).
    await sql.unsafe(`create role ${quoteIdent(role)} login`).catch((e: { code?: string }) => {
      if (e.code !== '42710') throw e;
    });
  }
  // base64url has no quote characters, so the literal cannot be broken out of.
  await sql.unsafe(`alter role ${quoteIdent(role)} with login password '${password}'`);
}
