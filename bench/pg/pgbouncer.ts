import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mustRun, startService, waitForLog, type Service } from './children';
import type { PgEndpoint } from './setup';

/**
 * pgbouncer in session mode: pgbench holds one connection per client for the whole run, as
 * through the gateway, and pgbouncer 1.18 cannot keep -M prepared statements in transaction mode.
 * Clients must use TLS (a self-signed pair made here), like the gateway's TLS line; the server
 * side is plain TCP, as the gateway's upstream is (the target is registered with sslmode=disable).
 * auth_type=any takes any user name and logs in to PostgreSQL as `upstream.user` (trust there).
 */
export function pgbouncerIni(options: { dir: string; port: number; database: string; upstream: PgEndpoint }): string {
  const { upstream } = options;
  return `[databases]
${options.database} = host=${upstream.host} port=${upstream.port} dbname=${options.database} user=${upstream.user}

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = ${options.port}
unix_socket_dir =
auth_type = any
pool_mode = session
max_client_conn = 200
default_pool_size = 40
client_tls_sslmode = require
client_tls_cert_file = ${path.join(options.dir, 'pgbouncer.crt')}
client_tls_key_file = ${path.join(options.dir, 'pgbouncer.key')}
server_tls_sslmode = disable
ignore_startup_parameters = extra_float_digits,options
log_connections = 0
log_disconnections = 0
log_pooler_errors = 1
stats_period = 3600
`;
}

/** pgbouncer refuses to run as root: it is started with -u postgres, so its files belong to postgres. */
function runAsUser(): string | null {
  if (process.getuid?.() !== 0) return null;
  try {
    execFileSync('id', ['-u', 'postgres'], { stdio: 'ignore' });
    return 'postgres';
  } catch {
    throw new Error('pgbouncer will not run as root and there is no "postgres" user to run it as; run the benchmark as an ordinary user');
  }
}

export async function startPgbouncer(
  options: { port: number; database: string; upstream: PgEndpoint },
  track: { dir: (dir: string) => void; service: (service: Service) => void },
): Promise<Service> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gatehouse-bench-pgbouncer-'));
  track.dir(dir);
  await mustRun('openssl (pgbouncer certificate)', 'openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', path.join(dir, 'pgbouncer.key'), '-out', path.join(dir, 'pgbouncer.crt'), '-days', '2',
    '-subj', '/CN=gatehouse-bench-pgbouncer', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1',
  ]);
  const iniPath = path.join(dir, 'pgbouncer.ini');
  writeFileSync(iniPath, pgbouncerIni({ dir, ...options }));
  const user = runAsUser();
  if (user) {
    const uid = Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }).trim());
    for (const file of ['', 'pgbouncer.key', 'pgbouncer.crt', 'pgbouncer.ini']) chownSync(path.join(dir, file), uid, gid);
  }
  const service = startService('pgbouncer', 'pgbouncer', [...(user ? ['-u', user] : []), iniPath], {
    env: process.env,
    logPath: path.join(dir, 'pgbouncer.log'),
  });
  track.service(service);
  await waitForLog(service, /process up|listening on 127\.0\.0\.1/i, 15_000);
  return service;
}
