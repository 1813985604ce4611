import { CONFIG_LABELS, type Cell, type ConfigName, type QueryMode } from './options';
import { findRun, type RunRecord, type TargetCheck } from './results';

const MODES: readonly QueryMode[] = ['simple', 'extended', 'prepared'];

/** The targets the gateway is held to (against pgbouncer, per statement, per select). */
export const TARGETS = { tpsVsPgbouncer: 0.8, cpuUsPerSimpleStatement: 65, addedP50Ms: 0.15 } as const;

function fixed(value: number | null | undefined, digits: number): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '-' : value.toFixed(digits);
}

function signed(value: number | null | undefined, digits: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '-';
  return `${value >= 0 ? '+' : ''}${value.toFixed(digits)}`;
}

function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  return a && b ? a / b : null;
}

/** Left-aligned text columns, right-aligned figures. */
export function renderTable(headers: string[], rows: string[][], leftColumns = 1): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < leftColumns ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function cellName(cell: Pick<Cell, 'workload' | 'mode' | 'clients'>): string {
  return `${cell.workload} ${cell.mode} c=${cell.clients}`;
}

function tpsOf(runs: RunRecord[], cell: Cell, config: ConfigName): number | null {
  return findRun(runs, cell.workload, cell.mode, cell.clients, config)?.result.tps ?? null;
}

export function throughputTable(runs: RunRecord[], cells: Cell[]): string {
  const rows = cells.map((cell) => {
    const tps = (c: ConfigName) => tpsOf(runs, cell, c);
    const cpu = (c: ConfigName) => findRun(runs, cell.workload, cell.mode, cell.clients, c)?.gatewayCpuUsPerStatement;
    const failed = cell.configs
      .map((c) => findRun(runs, cell.workload, cell.mode, cell.clients, c)?.result.failedTransactions ?? 0)
      .reduce((a, b) => a + b, 0);
    return [
      cellName(cell),
      fixed(tps('direct'), 0),
      fixed(tps('gateway-tls'), 0),
      fixed(tps('pgbouncer-tls'), 0),
      fixed(tps('gateway-clear'), 0),
      fixed(ratio(tps('gateway-tls'), tps('direct')), 2),
      fixed(ratio(tps('gateway-tls'), tps('pgbouncer-tls')), 2),
      fixed(cpu('gateway-tls'), 1),
      fixed(cpu('gateway-clear'), 1),
      String(failed),
    ];
  });
  const headers = ['run', 'TPS direct', 'TPS gw TLS', 'TPS pgb TLS', 'TPS gw clear', 'gw/direct', 'gw/pgb', 'gw µs/stmt TLS', 'gw µs/stmt clear', 'failed tx'];
  return renderTable(headers, rows);
}

export function latencyTable(runs: RunRecord[], cells: Cell[]): string {
  const rows: string[][] = [];
  for (const cell of cells) {
    const direct = findRun(runs, cell.workload, cell.mode, cell.clients, 'direct')?.result;
    for (const config of cell.configs) {
      const r = findRun(runs, cell.workload, cell.mode, cell.clients, config)?.result;
      if (!r) continue;
      const isDirect = config === 'direct';
      rows.push([
        cellName(cell),
        CONFIG_LABELS[config],
        fixed(r.latencyAverageMs, 3),
        fixed(r.p50Ms, 3),
        fixed(r.p99Ms, 3),
        isDirect ? '' : signed(direct?.p50Ms != null && r.p50Ms != null ? r.p50Ms - direct.p50Ms : null, 3),
        isDirect ? '' : signed(direct?.p99Ms != null && r.p99Ms != null ? r.p99Ms - direct.p99Ms : null, 3),
      ]);
    }
  }
  return renderTable(['run', 'config', 'avg ms', 'p50 ms', 'p99 ms', '+p50 vs direct', '+p99 vs direct'], rows, 2);
}

function check(target: string, subject: string, value: number | null, limit: number, unit: string, atLeast: boolean): TargetCheck {
  return { target, subject, value, limit, unit, isMet: value === null ? null : atLeast ? value >= limit : value <= limit };
}

/**
 * The three targets, per query mode: gateway TPS ≥ 0.8 × pgbouncer's (both TLS) at 8 clients
 * select-only; ≤ 65 µs gateway CPU per simple statement (select-only -M simple, each client
 * count, TLS and cleartext); ≤ 0.15 ms added p50 per select at 1 client (gateway TLS vs direct).
 */
export function checkTargets(runs: RunRecord[]): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const get = (mode: QueryMode, clients: number, config: ConfigName) => findRun(runs, 'select-only', mode, clients, config);
  for (const mode of MODES) {
    const value = ratio(get(mode, 8, 'gateway-tls')?.result.tps, get(mode, 8, 'pgbouncer-tls')?.result.tps);
    checks.push(check(`gateway TPS >= ${TARGETS.tpsVsPgbouncer} x pgbouncer`, `select-only ${mode} c=8, TLS`, value, TARGETS.tpsVsPgbouncer, 'x', true));
  }
  for (const config of ['gateway-tls', 'gateway-clear'] as const) {
    for (const clients of [1, 8]) {
      const value = get('simple', clients, config)?.gatewayCpuUsPerStatement ?? null;
      checks.push(check(`gateway CPU <= ${TARGETS.cpuUsPerSimpleStatement} µs per simple statement`, `select-only simple c=${clients}, ${CONFIG_LABELS[config]}`, value, TARGETS.cpuUsPerSimpleStatement, 'µs', false));
    }
  }
  for (const config of ['gateway-tls', 'gateway-clear'] as const) {
    for (const mode of MODES) {
      const gw = get(mode, 1, config)?.result.p50Ms;
      const direct = get(mode, 1, 'direct')?.result.p50Ms;
      const value = gw != null && direct != null ? gw - direct : null;
      checks.push(check(`added p50 <= ${TARGETS.addedP50Ms} ms per select at 1 client`, `select-only ${mode} c=1, ${CONFIG_LABELS[config]}`, value, TARGETS.addedP50Ms, 'ms', false));
    }
  }
  return checks;
}

export function targetsText(checks: TargetCheck[]): string {
  const rows = checks.map((c) => [
    c.target,
    c.subject,
    c.value === null ? '-' : `${c.value.toFixed(c.unit === 'x' ? 2 : c.unit === 'ms' ? 3 : 1)} ${c.unit}`,
    c.isMet === null ? 'NO DATA' : c.isMet ? 'met' : 'MISSED',
  ]);
  return renderTable(['target', 'measured on', 'value', 'verdict'], rows, 2);
}

/** Failed transactions, non-zero exits, stalls, pgbench's error lines and what the gateway logged. */
export function findProblems(runs: RunRecord[]): string[] {
  const problems: string[] = [];
  for (const run of runs) {
    const r = run.result;
    const where = `${run.workload} ${run.mode} c=${run.clients} ${CONFIG_LABELS[run.config]}`;
    if (r.isStalled) problems.push(`${where}: stalled (killed after its deadline)`);
    if (r.exitCode !== 0) problems.push(`${where}: pgbench exited with ${r.exitCode ?? 'no code'}`);
    if (r.failedTransactions) problems.push(`${where}: ${r.failedTransactions} failed transactions`);
    if (r.tps === null) problems.push(`${where}: pgbench printed no tps`);
    const errors = [...new Set(r.errors)];
    for (const line of errors.slice(0, 5)) problems.push(`${where}: ${line}`);
    if (errors.length > 5) problems.push(`${where}: ... ${errors.length - 5} more pgbench error lines`);
    for (const line of run.gatewayLog.slice(0, 5)) problems.push(`${where}: gateway log: ${line}`);
    if (run.gatewayLog.length > 5) problems.push(`${where}: gateway log: ... ${run.gatewayLog.length - 5} more lines`);
  }
  return problems;
}
