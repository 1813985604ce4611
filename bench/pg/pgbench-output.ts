/** What pgbench's summary says about one run (PostgreSQL 15 wording). */
export type PgbenchSummary = {
  transactions: number | null;
  failedTransactions: number | null;
  latencyAverageMs: number | null;
  tps: number | null;
  /** pgbench's own error lines (aborted clients, refused statements, connection failures). */
  errors: string[];
};

function numberAfter(text: string, pattern: RegExp): number | null {
  const match = pattern.exec(text);
  return match ? Number(match[1]) : null;
}

/**
 * Parses the summary pgbench prints (stdout) and its diagnostics (stderr), e.g.
 *   number of transactions actually processed: 12345      (or 12345/20000 with -t)
 *   number of failed transactions: 0 (0.000%)
 *   latency average = 0.081 ms
 *   tps = 12345.678901 (without initial connection time)
 * https://www.postgresql.org/docs/15/pgbench.html#id-1.9.4.11.9
 */
export function parsePgbenchOutput(stdout: string, stderr: string): PgbenchSummary {
  const text = `${stdout}\n${stderr}`;
  const errors = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /error|fatal|abort|could not|failed|refused/i.test(l) && !/^pgbench \(\d/.test(l));
  return {
    transactions: numberAfter(text, /number of transactions actually processed: (\d+)/),
    failedTransactions: numberAfter(text, /number of failed transactions: (\d+)/),
    latencyAverageMs: numberAfter(text, /latency average = ([\d.]+) ms/),
    tps: numberAfter(text, /tps = ([\d.]+) \(without initial connection time\)/) ?? numberAfter(text, /tps = ([\d.]+)/),
    errors,
  };
}

/**
 * Latencies (µs) from pgbench's per-transaction log, one line per transaction:
 *   client_id transaction_no time script_no time_epoch time_us
 * where `time` is the transaction's latency in µs, or `skipped` / `failed`.
 * https://www.postgresql.org/docs/15/pgbench.html#PGBENCH-LOGGING
 */
export function parseTransactionLog(text: string, into: number[]): void {
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const first = text.indexOf(' ', start);
    const second = first === -1 ? -1 : text.indexOf(' ', first + 1);
    const third = second === -1 ? -1 : text.indexOf(' ', second + 1);
    if (third !== -1 && third < end) {
      const latency = Number(text.slice(second + 1, third));
      if (Number.isFinite(latency)) into.push(latency);
    }
    start = end + 1;
  }
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: Float64Array, p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}
