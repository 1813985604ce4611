import { execFileSync, execSync } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, readdirSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type PrivatePostgres = { port: number; dir: string; psql: (sql: string) => string; stop: () => void };

function binDir(): string {
  const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(a) - Number(b));
  return `/usr/lib/postgresql/${versions.at(-1)}/bin`;
}

/**
 * A throwaway PostgreSQL cluster of our own (initdb as the postgres OS user), for tests that need
 * server settings the shared server must not get: password methods in pg_hba.conf and TLS.
 */
export function startPrivatePostgres(options: { hba: string[]; ssl: boolean; port: number }): PrivatePostgres {
  const bin = binDir();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gatehouse-pg-'));
  const uid = Number(execSync('id -u postgres').toString().trim());
  const gid = Number(execSync('id -g postgres').toString().trim());
  chownSync(dir, uid, gid);
  chmodSync(dir, 0o700);
  const asPostgres = (cmd: string, args: string[]) => execFileSync('runuser', ['-u', 'postgres', '--', path.join(bin, cmd), ...args], { stdio: 'pipe' });
  const data = path.join(dir, 'data');
  asPostgres('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync']);
  writeFileSync(path.join(data, 'pg_hba.conf'), ['local all all trust', ...options.hba].join('\n') + '\n');
  if (options.ssl) {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', path.join(data, 'server.key'), '-out', path.join(data, 'server.crt'), '-days', '2', '-subj', '/CN=localhost'], { stdio: 'pipe' });
    chownSync(path.join(data, 'server.key'), uid, gid);
    chownSync(path.join(data, 'server.crt'), uid, gid);
    chmodSync(path.join(data, 'server.key'), 0o600);
    appendFileSync(path.join(data, 'postgresql.conf'), "ssl = on\n");
  }
  asPostgres('pg_ctl', ['-D', data, '-w', '-l', path.join(dir, 'log'), '-o', `-p ${options.port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']);
  const psql = (sql: string) => execFileSync('runuser', ['-u', 'postgres', '--', path.join(bin, 'psql'), '-h', dir, '-p', String(options.port), '-At', '-c', sql], { encoding: 'utf8' });
  return {
    port: options.port,
    dir,
    psql,
    stop: () => {
      try {
        asPostgres('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
