import os from 'node:os';
import type { GatewayProcess } from './gateway-process';
import type { Interrupt } from './interrupt';
import { CONFIG_LABELS, STATEMENTS_PER_TRANSACTION, type BenchOptions, type Cell, type ConfigName } from './options';
import { treeCpuSeconds } from './process-cpu';
import type { RunRecord } from './results';
import { runPgbench, type Connection, type PgbenchResult } from './run-pgbench';
import { resetPgbenchTables } from './setup';

export type Endpoints = Record<ConfigName, Connection>;

type MatrixOptions = {
  options: BenchOptions;
  endpoints: Endpoints;
  gateway: GatewayProcess;
  logDir: string;
  ticksPerSecond: number;
  interrupt: Interrupt;
  log: (line: string) => void;
};

const isGateway = (config: ConfigName) => config === 'gateway-tls' || config === 'gateway-clear';

/** Lets the gateway finish a run's tail (session ends, the last audit batch) before its CPU is read. */
const SETTLE_MS = 300;

function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

/** Each cell starts with a different configuration, so none always runs first (or last). */
function rotated<T>(list: readonly T[], by: number): T[] {
  const k = by % list.length;
  return [...list.slice(k), ...list.slice(0, k)];
}

function summaryLine(r: PgbenchResult, cpuUs: number | null): string {
  const parts = [`${r.tps?.toFixed(0) ?? '?'} tps`, `p50 ${r.p50Ms?.toFixed(3) ?? '?'} ms`, `p99 ${r.p99Ms?.toFixed(3) ?? '?'} ms`];
  if (cpuUs !== null) parts.push(`gateway ${cpuUs.toFixed(1)} µs/stmt`);
  if (r.failedTransactions) parts.push(`${r.failedTransactions} FAILED`);
  if (r.exitCode !== 0) parts.push(`exit ${r.exitCode ?? '?'}`);
  if (r.errors.length) parts.push(`error: ${r.errors[0]}`);
  return parts.join(', ');
}

/**
 * Warms each path up (untimed), then runs every cell with all its configurations back to back.
 * Gateway runs read the gateway's CPU time before and after; TPC-B-like runs start from
 * vacuumed branches/tellers and an empty history, as pgbench would do itself without -n.
 */
export async function runMatrix(m: MatrixOptions): Promise<RunRecord[]> {
  const { options, endpoints, interrupt, log } = m;
  if (options.warmupSeconds > 0) {
    for (const config of Object.keys(endpoints) as ConfigName[]) {
      log(`warm-up: ${CONFIG_LABELS[config]}, select-only simple c=8, ${options.warmupSeconds} s`);
      const r = await interrupt.race(
        runPgbench({ workload: 'select-only', mode: 'simple', clients: 8, seconds: options.warmupSeconds, connection: endpoints[config], logDir: m.logDir, runId: `warmup-${config}` }),
      );
      if (r.tps === null || r.exitCode !== 0) {
        throw new Error(`warm-up through ${CONFIG_LABELS[config]} failed (exit ${r.exitCode ?? '?'}):\n  ${r.errors.join('\n  ') || '(pgbench printed no error)'}\n  ${r.command}`);
      }
    }
  }
  m.gateway.newComplaints();

  const plan = options.cells.flatMap((cell, i) => rotated(cell.configs, i).map((config) => ({ cell, config })));
  const runs: RunRecord[] = [];
  const started = performance.now();
  for (const [index, { cell, config }] of plan.entries()) {
    interrupt.throwIfInterrupted();
    const done = index;
    const elapsed = (performance.now() - started) / 1000;
    const perRun = done ? elapsed / done : options.seconds + 1.5;
    const name = `${cell.workload} ${cell.mode} c=${cell.clients} · ${CONFIG_LABELS[config]}`;
    log(`[${String(index + 1).padStart(2)}/${plan.length}] ${name} (about ${formatDuration(perRun * (plan.length - done))} left)`);
    const record = await runOne(m, cell, config, `run${index + 1}`);
    record.gatewayLog = m.gateway.newComplaints();
    runs.push(record);
    log(`        ${summaryLine(record.result, record.gatewayCpuUsPerStatement)} (load ${record.loadAverage1m})`);
    for (const line of record.gatewayLog.slice(0, 3)) log(`        gateway log: ${line}`);
    const crash = await interrupt.race(m.gateway.ensureRunning(`run ${index + 1} (${name})`));
    if (crash) {
      log(`        THE GATEWAY EXITED (${crash.ended}); restarted it. Last lines of its log:`);
      for (const line of crash.logTail.slice(-10)) log(`          ${line}`);
    }
  }
  return runs;
}

async function runOne(m: MatrixOptions, cell: Cell, config: ConfigName, runId: string): Promise<RunRecord> {
  if (cell.workload === 'tpcb-like') await m.interrupt.race(resetPgbenchTables(m.options.adminUrl));
  const gatewayPid = isGateway(config) ? m.gateway.pid : undefined;
  const cpuBefore = gatewayPid ? treeCpuSeconds(gatewayPid, m.ticksPerSecond) : 0;
  const result = await m.interrupt.race(
    runPgbench({ workload: cell.workload, mode: cell.mode, clients: cell.clients, seconds: m.options.seconds, connection: m.endpoints[config], logDir: m.logDir, runId }),
  );
  let gatewayCpuSeconds: number | null = null;
  let gatewayCpuUsPerStatement: number | null = null;
  // A gateway that exited during the run took its CPU count with it: no figure then.
  if (gatewayPid && m.gateway.isRunning && m.gateway.pid === gatewayPid) {
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    gatewayCpuSeconds = treeCpuSeconds(gatewayPid, m.ticksPerSecond) - cpuBefore;
    const statements = (result.transactions ?? 0) * STATEMENTS_PER_TRANSACTION[cell.workload];
    gatewayCpuUsPerStatement = statements > 0 ? (gatewayCpuSeconds * 1e6) / statements : null;
  }
  return {
    workload: cell.workload,
    mode: cell.mode,
    clients: cell.clients,
    config,
    statementsPerTransaction: STATEMENTS_PER_TRANSACTION[cell.workload],
    result,
    gatewayCpuSeconds,
    gatewayCpuUsPerStatement,
    gatewayLog: [],
    loadAverage1m: Number(os.loadavg()[0]!.toFixed(2)),
  };
}
