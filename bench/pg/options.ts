import { parseArgs } from 'node:util';

export type Workload = 'select-only' | 'tpcb-like';
export type QueryMode = 'simple' | 'extended' | 'prepared';
export type ConfigName = 'direct' | 'gateway-tls' | 'pgbouncer-tls' | 'gateway-clear';

/** One cell of the matrix: every configuration runs it back to back, so drift hits all alike. */
export type Cell = { workload: Workload; mode: QueryMode; clients: number; configs: ConfigName[] };

export type BenchOptions = {
  seconds: number;
  warmupSeconds: number;
  scale: number;
  isFull: boolean;
  adminUrl: string;
  redisUrl: string;
  gatewayPort: number;
  pgbouncerPort: number;
  cells: Cell[];
};

/**
 * The statements pgbench sends per transaction of each built-in script (`pgbench --show-script`):
 * select-only is one SELECT; tpcb-like is BEGIN, three UPDATEs, a SELECT, an INSERT and END.
 */
export const STATEMENTS_PER_TRANSACTION: Record<Workload, number> = { 'select-only': 1, 'tpcb-like': 7 };

export const CONFIG_LABELS: Record<ConfigName, string> = {
  direct: 'direct',
  'gateway-tls': 'gateway TLS',
  'pgbouncer-tls': 'pgbouncer TLS',
  'gateway-clear': 'gateway cleartext',
};

const MODES: readonly QueryMode[] = ['simple', 'extended', 'prepared'];
const ALL_CONFIGS: readonly ConfigName[] = ['direct', 'gateway-tls', 'pgbouncer-tls', 'gateway-clear'];

const USAGE = `Usage: npm run bench:pg -- [--seconds N] [--warmup N] [--scale N] [--full]

Compares pgbench through the Gatehouse gateway (TLS and cleartext), pgbouncer (TLS) and direct.

  --seconds N   length of each measured run (BENCH_SECONDS, default 8)
  --warmup N    untimed warm-up per configuration before the matrix (BENCH_WARMUP_SECONDS, default 2)
  --scale N     pgbench -i scale factor of the bench target (BENCH_SCALE, default 10)
  --full        the whole matrix (BENCH_FULL=1): TPC-B-like at 1 client too, and the cleartext
                gateway on TPC-B-like; the default fits in about 6 minutes

Other environment: BENCH_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres),
REDIS_URL, BENCH_GATEWAY_PORT (default 16543), BENCH_PGBOUNCER_PORT (default 16544),
BENCH_GATEWAY_VIA_CLI=1 (start the gateway as ./bin/gatehouse gateway; see proxy-under-test.ts),
BENCH_GATEWAY_CPU_PROF=<dir> (the gateway writes a V8 .cpuprofile there when it stops).`;

function positiveNumber(name: string, raw: string | undefined, fallback: number, min = 1): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min) throw new Error(`${name} must be a number >= ${min}, not "${raw}"`);
  return value;
}

/**
 * The default matrix (about 33 runs) drops TPC-B-like at 1 client and the cleartext gateway on
 * TPC-B-like; the targets are judged on select-only, which keeps every configuration and client count.
 */
export function buildCells(isFull: boolean): Cell[] {
  const cells: Cell[] = [];
  for (const workload of ['select-only', 'tpcb-like'] as const) {
    for (const clients of [1, 8]) {
      if (!isFull && workload === 'tpcb-like' && clients === 1) continue;
      for (const mode of MODES) {
        const configs = !isFull && workload === 'tpcb-like' ? ALL_CONFIGS.filter((c) => c !== 'gateway-clear') : [...ALL_CONFIGS];
        cells.push({ workload, mode, clients, configs });
      }
    }
  }
  return cells;
}

export function parseBenchOptions(argv: string[], env: NodeJS.ProcessEnv): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      seconds: { type: 'string' },
      warmup: { type: 'string' },
      scale: { type: 'string' },
      full: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 'help';
  }
  const isFull = values.full === true || env.BENCH_FULL === '1' || env.BENCH_FULL === 'true';
  return {
    seconds: Math.round(positiveNumber('--seconds / BENCH_SECONDS', values.seconds ?? env.BENCH_SECONDS, 8)),
    warmupSeconds: Math.round(positiveNumber('--warmup / BENCH_WARMUP_SECONDS', values.warmup ?? env.BENCH_WARMUP_SECONDS, 2, 0)),
    scale: Math.round(positiveNumber('--scale / BENCH_SCALE', values.scale ?? env.BENCH_SCALE, 10)),
    isFull,
    adminUrl: env.BENCH_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
    redisUrl: env.REDIS_URL || 'redis://127.0.0.1:6379',
    gatewayPort: positiveNumber('BENCH_GATEWAY_PORT', env.BENCH_GATEWAY_PORT, 16543),
    pgbouncerPort: positiveNumber('BENCH_PGBOUNCER_PORT', env.BENCH_PGBOUNCER_PORT, 16544),
    cells: buildCells(isFull),
  };
}
