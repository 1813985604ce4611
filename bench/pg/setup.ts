import { randomBytes } from 'node:crypto';
import path from 'node:path';
import postgres from 'postgres';
import { mustRun } from './children';

export const TARGET_DB = 'gatehouse_bench_target';
export const STORE_DB = 'gatehouse_bench_store';
export const TARGET_NAME = 'gatehouse_bench_target';
const ADMIN_EMAIL = 'pg-bench@example.com';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(REPO_ROOT, 'bin/gatehouse');
const TSX = path.join(REPO_ROOT, 'node_modules/.bin/tsx');

export type PgEndpoint = { host: string; port: number; user: string };

export function endpointOf(adminUrl: string): PgEndpoint {
  const u = new URL(adminUrl);
  return { host: u.hostname || '127.0.0.1', port: Number(u.port || 5432), user: decodeURIComponent(u.username || 'postgres') };
}

function urlFor(adminUrl: string, database: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

/** The environment every gatehouse command of the run gets: the bench store, a throwaway key. */
export function gatehouseEnv(options: { adminUrl: string; redisUrl: string; tempDir: string; gatewayPort: number }): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: urlFor(options.adminUrl, STORE_DB),
    REDIS_URL: options.redisUrl,
    GATEHOUSE_MASTER_KEY: randomBytes(32).toString('base64'),
    GATEHOUSE_ENV_FILE: path.join(options.tempDir, 'gatehouse.env'),
    GATEWAY_HOST: '127.0.0.1',
    GATEWAY_PG_PORT: String(options.gatewayPort),
    GATEWAY_TLS_DIR: path.join(options.tempDir, 'gateway-tls'),
    GATEWAY_ALLOW_CLEARTEXT_LOOPBACK: 'true',
    GATEWAY_EMBEDDED: 'false',
  };
  delete env.GATEWAY_TLS_CERT;
  delete env.GATEWAY_TLS_KEY;
  return env;
}

async function withAdmin<T>(adminUrl: string, fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  try {
    return await fn(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Drops the bench databases; FORCE ends the sessions a killed run may have left behind. */
export async function dropBenchDatabases(adminUrl: string): Promise<string[]> {
  return withAdmin(adminUrl, async (sql) => {
    const existing = await sql<{ datname: string }[]>`select datname from pg_database where datname in (${TARGET_DB}, ${STORE_DB})`;
    for (const { datname } of existing) await sql.unsafe(`drop database if exists "${datname}" with (force)`);
    return existing.map((r) => r.datname);
  });
}

export type AuditStoreStats = { statementRows: number; seqScans: number; seqRowsRead: number; indexScans: number; isAutovacuumOn: boolean };

/**
 * How hard the gateway's audit writes worked the store: rows in `statements`, and how that table
 * was read (a group commit that updates outcomes by id should use the primary key, not scan).
 */
export async function auditStoreStats(adminUrl: string): Promise<AuditStoreStats | null> {
  const sql = postgres(urlFor(adminUrl, STORE_DB), { max: 1, onnotice: () => {}, connect_timeout: 5 });
  try {
    const [row] = await sql<{ rows: string; seq_scan: string; seq_tup_read: string; idx_scan: string | null; autovacuum: string }[]>`
      select (select count(*) from statements) as rows, seq_scan, seq_tup_read, idx_scan, current_setting('autovacuum') as autovacuum
      from pg_stat_user_tables where relname = 'statements'`;
    if (!row) return null;
    return { statementRows: Number(row.rows), seqScans: Number(row.seq_scan), seqRowsRead: Number(row.seq_tup_read), indexScans: Number(row.idx_scan ?? 0), isAutovacuumOn: row.autovacuum === 'on' };
  } catch {
    return null;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** VACUUM and emptying history, as pgbench does before a TPC-B-like run; direct, since -n is passed. */
export async function resetPgbenchTables(adminUrl: string): Promise<void> {
  const sql = postgres(urlFor(adminUrl, TARGET_DB), { max: 1, onnotice: () => {}, connect_timeout: 5 });
  try {
    await sql`vacuum pgbench_branches, pgbench_tellers`;
    await sql`truncate pgbench_history`;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/**
 * The bench target (pgbench -i), the bench store (gatehouse migrate), an admin, a token, the
 * target registered and its policy opened to pgbench writes. Returns the token.
 */
export async function setUpGatehouse(options: { adminUrl: string; scale: number; env: NodeJS.ProcessEnv; log: (line: string) => void }): Promise<string> {
  const { adminUrl, env, log } = options;
  const pg = endpointOf(adminUrl);
  const leftovers = await dropBenchDatabases(adminUrl);
  if (leftovers.length) log(`dropped ${leftovers.join(' and ')} left by an earlier run`);

  log(`creating ${TARGET_DB} (pgbench -i -s ${options.scale})`);
  await withAdmin(adminUrl, (sql) => sql.unsafe(`create database "${TARGET_DB}"`));
  await mustRun('pgbench -i', 'pgbench', ['-i', '-q', '-s', String(options.scale), '-h', pg.host, '-p', String(pg.port), '-U', pg.user, TARGET_DB], {
    env: { ...process.env, PGSSLMODE: 'disable' },
  });

  log(`migrating ${STORE_DB}`);
  await mustRun('gatehouse migrate', CLI, ['migrate'], { env });
  const password = randomBytes(18).toString('base64url');
  await mustRun('gatehouse user add', CLI, ['user', 'add', '--email', ADMIN_EMAIL, '--role', 'admin', '--password', password], { env });
  const token = (await mustRun('gatehouse token create', CLI, ['token', 'create', '--user', ADMIN_EMAIL, '--name', 'pg-bench', '--expires', '1d'], { env })).trim();
  if (!token || token.includes('\n')) throw new Error(`gatehouse token create printed something other than a token: ${JSON.stringify(token)}`);
  const targetUrl = new URL(urlFor(adminUrl, TARGET_DB));
  targetUrl.password = targetUrl.password || 'bench';
  targetUrl.searchParams.set('sslmode', 'disable');
  await mustRun('gatehouse target add', CLI, ['target', 'add', '--name', TARGET_NAME, '--url', targetUrl.toString()], { env });
  const policy = await mustRun('policy script', TSX, [path.join(import.meta.dirname, 'allow-pgbench-writes.ts'), TARGET_NAME], { env, cwd: REPO_ROOT });
  log(policy.trim());
  return token;
}
