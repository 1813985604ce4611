/**
 * npm run bench:pg — pgbench direct, through the Gatehouse gateway (TLS and cleartext on
 * loopback) and through pgbouncer (TLS), interleaved cell by cell. Sets up its own target and
 * store databases, user, token, target and policy; prints tables and a summary against the
 * targets; writes bench/results/pg-<timestamp>.json; tears everything down, also on Ctrl-C.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, hasProgram, killAllChildren, killTransient, runCommand, stopService, type Service } from './children';
import { GatewayProcess } from './gateway-process';
import { parseBenchOptions, STATEMENTS_PER_TRANSACTION, type BenchOptions } from './options';
import { startPgbouncer } from './pgbouncer';
import { clockTicksPerSecond } from './process-cpu';
import { checkTargets, findProblems, latencyTable, targetsText, throughputTable } from './report';
import { writeReport, type BenchReport } from './results';
import { runMatrix, type Endpoints } from './run-matrix';
import { auditStoreStats, dropBenchDatabases, endpointOf, gatehouseEnv, REPO_ROOT, setUpGatehouse, TARGET_DB, TARGET_NAME } from './setup';
import { Interrupt } from './interrupt';

function log(line: string): void {
  console.log(`[bench] ${line}`);
}

/** Others may share the machine: the 1/5/15-minute load averages say how quiet it was. */
function loadAverage(): string {
  return os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
}

async function preflight(): Promise<Record<string, string>> {
  const missing: string[] = [];
  const pgbench = await runCommand('pgbench', ['--version']);
  if (pgbench.code !== 0) missing.push('pgbench: apt-get install -y postgresql-contrib (on Debian pgbench ships with the postgresql-NN server package)');
  if (!hasProgram('pgbouncer')) missing.push('pgbouncer: apt-get install -y pgbouncer');
  if (!hasProgram('openssl')) missing.push('openssl: apt-get install -y openssl');
  if (!hasProgram(path.join(REPO_ROOT, 'node_modules/.bin/tsx'))) missing.push(`tsx: run "npm ci" in ${REPO_ROOT}`);
  if (missing.length) throw new Error(`missing programs:\n  ${missing.join('\n  ')}`);
  const pgbouncer = await runCommand('pgbouncer', ['--version']);
  return {
    node: process.version,
    cpus: String(os.cpus().length),
    pgbench: pgbench.stdout.trim(),
    pgbouncer: pgbouncer.stdout.split('\n')[0]?.trim() ?? '',
    loadAverageAtStart: loadAverage(),
  };
}

async function main(options: BenchOptions, interrupt: Interrupt): Promise<number> {
  const startedAt = new Date();
  const environment = await preflight();
  const tempDir = mkdtempSync(path.join(os.tmpdir(), 'gatehouse-bench-pg-'));
  const services: Service[] = [];
  const dirs = [tempDir];
  let hasCreatedDatabases = false;
  let gateway: GatewayProcess | undefined;
  try {
    const gatewayPort = await freePort(options.gatewayPort);
    const pgbouncerPort = await freePort(gatewayPort === options.pgbouncerPort ? options.pgbouncerPort + 1 : options.pgbouncerPort);
    const env = gatehouseEnv({ adminUrl: options.adminUrl, redisUrl: options.redisUrl, tempDir, gatewayPort });
    hasCreatedDatabases = true;
    const token = await interrupt.race(setUpGatehouse({ adminUrl: options.adminUrl, scale: options.scale, env, log }));

    log(`starting the gateway on 127.0.0.1:${gatewayPort}`);
    gateway = await interrupt.race(GatewayProcess.launch(env, tempDir, (s) => services.push(s)));
    log(`starting pgbouncer on 127.0.0.1:${pgbouncerPort} (session mode, client TLS required)`);
    const upstream = endpointOf(options.adminUrl);
    await interrupt.race(
      startPgbouncer({ port: pgbouncerPort, database: TARGET_DB, upstream }, { dir: (d) => dirs.push(d), service: (s) => services.push(s) }),
    );
    const serverVersion = await runCommand('psql', ['-h', upstream.host, '-p', String(upstream.port), '-U', upstream.user, '-Atc', 'show server_version', TARGET_DB], { env: { ...process.env, PGSSLMODE: 'disable' } });
    environment.postgres = serverVersion.stdout.trim();
    log(`${environment.pgbench}, ${environment.pgbouncer}, PostgreSQL ${environment.postgres}, node ${environment.node}, ${environment.cpus} CPUs, load ${environment.loadAverageAtStart}`);

    const endpoints: Endpoints = {
      direct: { host: upstream.host, port: upstream.port, user: upstream.user, database: TARGET_DB, sslmode: 'disable' },
      'gateway-tls': { host: '127.0.0.1', port: gatewayPort, user: 'bench', database: TARGET_NAME, password: token, sslmode: 'require' },
      'pgbouncer-tls': { host: '127.0.0.1', port: pgbouncerPort, user: 'bench', database: TARGET_DB, sslmode: 'require' },
      'gateway-clear': { host: '127.0.0.1', port: gatewayPort, user: 'bench', database: TARGET_NAME, password: token, sslmode: 'disable' },
    };
    const ticks = clockTicksPerSecond();
    const runs = await runMatrix({ options, endpoints, gateway, logDir: tempDir, ticksPerSecond: ticks, interrupt, log });
    const leftover = gateway.newComplaints();
    const auditStore = await auditStoreStats(options.adminUrl);
    environment.loadAverageAtEnd = loadAverage();
    log(`load average at the end: ${environment.loadAverageAtEnd}`);

    const targets = checkTargets(runs);
    const problems = [
      ...gateway.crashes.map((c) => `the gateway exited (${c.ended}), noticed after ${c.noticed}; its last log lines: ${c.logTail.slice(-3).join(' | ') || '(empty log)'}`),
      ...findProblems(runs),
      ...leftover.slice(-20).map((l) => `gateway log after the last run: ${l}`),
    ];
    console.log(`\nThroughput (pgbench TPS; gateway CPU = gateway process user+system time / statements; TPC-B-like counts ${STATEMENTS_PER_TRANSACTION['tpcb-like']} statements per transaction incl. BEGIN/END)\n`);
    console.log(throughputTable(runs, options.cells));
    console.log('\nLatency per transaction (avg from pgbench; p50/p99 from its per-transaction log; + is added vs direct)\n');
    console.log(latencyTable(runs, options.cells));
    console.log('\nTargets\n');
    console.log(targetsText(targets));
    if (auditStore) {
      console.log(
        `\nAudit store: ${auditStore.statementRows} statement rows; the statements table was read by ${auditStore.seqScans} sequential scans ` +
          `(${auditStore.seqRowsRead} rows) and ${auditStore.indexScans} index scans; autovacuum ${auditStore.isAutovacuumOn ? 'on' : 'off'}`,
      );
    }
    console.log(problems.length ? `\nProblems observed\n  ${problems.join('\n  ')}` : '\nProblems observed: none (no failed transactions, errors, stalls or gateway complaints)');

    const report: BenchReport = {
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      settings: { seconds: options.seconds, warmupSeconds: options.warmupSeconds, scale: options.scale, isFull: options.isFull, pgbouncerPoolMode: 'session', clockTicksPerSecond: ticks },
      environment,
      statementsPerTransaction: STATEMENTS_PER_TRANSACTION,
      runs,
      targets,
      problems,
      gatewayCrashes: gateway.crashes,
      auditStore,
    };
    const { jsonPath, gatewayLogPath } = writeReport(report, gateway.allLogs());
    log(`results written to ${path.relative(process.cwd(), jsonPath)}, the gateway's log to ${path.relative(process.cwd(), gatewayLogPath)}`);
    return 0;
  } catch (e) {
    if (gateway && !interrupt.isInterrupted) console.error(`\nThe gateway's log:\n${gateway.allLogs().trim().split('\n').slice(-40).join('\n')}`);
    throw e;
  } finally {
    log('tearing down');
    killTransient();
    for (const service of services.reverse()) await stopService(service).catch((e: Error) => log(`could not stop ${service.name}: ${e.message}`));
    killAllChildren();
    if (hasCreatedDatabases) {
      await dropBenchDatabases(options.adminUrl).catch((e: Error) => log(`could not drop the bench databases: ${e.message}`));
    }
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}

const interrupt = new Interrupt();
process.on('exit', killAllChildren);
try {
  const options = parseBenchOptions(process.argv.slice(2), process.env);
  if (options === 'help') process.exit(0);
  const minutes = Math.ceil((options.cells.reduce((n, c) => n + c.configs.length, 0) * (options.seconds + 1) + 4 * options.warmupSeconds + 40) / 60);
  log(`${options.isFull ? 'full' : 'default'} matrix: ${options.cells.length} cells, ${options.seconds} s per run, about ${minutes} min`);
  process.exitCode = await main(options, interrupt);
} catch (e) {
  console.error(`\nbench:pg: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = interrupt.isInterrupted ? 130 : 1;
} finally {
  interrupt.dispose();
}
