import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { killGroup, registerTransient } from './children';
import type { QueryMode, Workload } from './options';
import { parsePgbenchOutput, parseTransactionLog, percentile, type PgbenchSummary } from './pgbench-output';

export type Connection = { host: string; port: number; user: string; database: string; password?: string; sslmode: 'disable' | 'require' };

export type PgbenchRun = {
  workload: Workload;
  mode: QueryMode;
  clients: number;
  seconds: number;
  connection: Connection;
  /** Directory for the per-transaction logs; they are read and deleted after the run. */
  logDir: string;
  runId: string;
};

export type PgbenchResult = PgbenchSummary & {
  exitCode: number | null;
  isStalled: boolean;
  wallSeconds: number;
  p50Ms: number | null;
  p99Ms: number | null;
  loggedTransactions: number;
  command: string;
};

/** How long past its duration a run may take before it counts as stalled and is killed. */
const STALL_GRACE_MS = 30_000;

/**
 * One pgbench run: -n because the gateway's default policy refuses pgbench's VACUUM and
 * TRUNCATE (the caller does them directly instead), -j 2 for 8 clients, per-transaction logs
 * (--log) for exact percentiles. The process gets its own group so a stall can be killed.
 */
export async function runPgbench(run: PgbenchRun): Promise<PgbenchResult> {
  const args = [
    '-n',
    '-T', String(run.seconds),
    '-c', String(run.clients),
    '-j', String(Math.min(run.clients, 2)),
    '-M', run.mode,
    ...(run.workload === 'select-only' ? ['-S'] : []),
    '--log', `--log-prefix=${path.join(run.logDir, run.runId)}`,
    '-h', run.connection.host,
    '-p', String(run.connection.port),
    '-U', run.connection.user,
    run.connection.database,
  ];
  const env: NodeJS.ProcessEnv = { ...process.env, PGSSLMODE: run.connection.sslmode, PGCONNECT_TIMEOUT: '10', PGAPPNAME: 'gatehouse-pg-bench' };
  if (run.connection.password) env.PGPASSWORD = run.connection.password;
  else delete env.PGPASSWORD;

  const startedAt = performance.now();
  const child = spawn('pgbench', args, { env, cwd: run.logDir, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const unregister = registerTransient(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  let isStalled = false;
  const watchdog = setTimeout(() => {
    isStalled = true;
    killGroup(child, 'SIGKILL');
  }, run.seconds * 1000 + STALL_GRACE_MS);
  const exitCode = await new Promise<number | null>((resolve) => {
    child.on('error', (e) => {
      stderr += `\npgbench: could not start: ${e.message}`;
      resolve(null);
    });
    child.on('close', (code) => resolve(code));
  });
  clearTimeout(watchdog);
  unregister();
  const wallSeconds = (performance.now() - startedAt) / 1000;

  const latencies = readTransactionLogs(run.logDir, run.runId);
  const summary = parsePgbenchOutput(stdout, stderr);
  if (isStalled) summary.errors.unshift(`stalled: pgbench was still running ${STALL_GRACE_MS / 1000} s after its ${run.seconds} s and was killed`);
  return {
    ...summary,
    exitCode,
    isStalled,
    wallSeconds,
    p50Ms: msOrNull(percentile(latencies, 50)),
    p99Ms: msOrNull(percentile(latencies, 99)),
    loggedTransactions: latencies.length,
    command: `pgbench ${args.join(' ')}`,
  };
}

function msOrNull(us: number | null): number | null {
  return us === null ? null : us / 1000;
}

/** pgbench writes <prefix>.<pid> for the first thread and <prefix>.<pid>.<n> for the others. */
function readTransactionLogs(dir: string, runId: string): Float64Array {
  const values: number[] = [];
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(`${runId}.`)) continue;
    const file = path.join(dir, name);
    parseTransactionLog(readFileSync(file, 'utf8'), values);
    rmSync(file, { force: true });
  }
  return Float64Array.from(values).sort();
}
