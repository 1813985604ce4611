import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ConfigName, QueryMode, Workload } from './options';
import type { GatewayCrash } from './gateway-process';
import type { PgbenchResult } from './run-pgbench';
import type { AuditStoreStats } from './setup';

export type RunRecord = {
  workload: Workload;
  mode: QueryMode;
  clients: number;
  config: ConfigName;
  statementsPerTransaction: number;
  result: PgbenchResult;
  /** Gateway runs only: CPU seconds of the gateway's process tree over the run. */
  gatewayCpuSeconds: number | null;
  gatewayCpuUsPerStatement: number | null;
  /** Lines the gateway logged during this run beyond its routine start and stop lines. */
  gatewayLog: string[];
  /** 1-minute load average when the run ended: the machine may be shared. */
  loadAverage1m: number;
};

export type TargetCheck = { target: string; subject: string; value: number | null; limit: number; unit: string; isMet: boolean | null };

export type BenchReport = {
  startedAt: string;
  finishedAt: string;
  settings: { seconds: number; warmupSeconds: number; scale: number; isFull: boolean; pgbouncerPoolMode: 'session'; clockTicksPerSecond: number };
  environment: Record<string, string>;
  statementsPerTransaction: Record<Workload, number>;
  runs: RunRecord[];
  targets: TargetCheck[];
  problems: string[];
  gatewayCrashes: GatewayCrash[];
  auditStore: AuditStoreStats | null;
};

export function findRun(runs: RunRecord[], workload: Workload, mode: QueryMode, clients: number, config: ConfigName): RunRecord | undefined {
  return runs.find((r) => r.workload === workload && r.mode === mode && r.clients === clients && r.config === config);
}

/** bench/results/pg-<UTC timestamp>.json and -gateway.log beside it (bench/results/ is gitignored). */
export function writeReport(report: BenchReport, gatewayLog: string): { jsonPath: string; gatewayLogPath: string } {
  const dir = path.resolve(import.meta.dirname, '../results');
  mkdirSync(dir, { recursive: true });
  const stamp = report.startedAt.replace(/\.\d+Z$/, 'Z').replaceAll(':', '-');
  const jsonPath = path.join(dir, `pg-${stamp}.json`);
  const gatewayLogPath = path.join(dir, `pg-${stamp}-gateway.log`);
  writeFileSync(jsonPath, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(gatewayLogPath, gatewayLog);
  return { jsonPath, gatewayLogPath };
}
