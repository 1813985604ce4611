import { randomBytes } from 'node:crypto';
import { createDb, closeDb, getDb } from '../../lib/db/client';
import { dropDatabase } from '../../lib/db/ensure-database';
import { migrateDatabase } from '../../lib/db/migrate';
import type { Actor } from '../../lib/auth/actor';
import { seedRecordings } from './seed-recordings';
import { latencyCases } from './latency-cases';

/**
 * The session list and the audit search over a store holding BENCH_STATEMENTS recorded statements
 * (default 1,000,000 in 10,000 sessions): seeds them in bulk, ANALYZEs, then runs each page query
 * RUNS times as an auditor through the same lib functions the portal calls, connected as the
 * application role, and prints p50 / p95 / max. Target: under 300 ms per page. Asserts nothing.
 * BENCH_KEEP_DB=1 keeps the seeded store for EXPLAIN.
 */
const STATEMENTS = Number(process.env.BENCH_STATEMENTS ?? 1_000_000);
const PER_SESSION = Number(process.env.BENCH_PER_SESSION ?? 100);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const server = process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const storeUrl = server.replace(/\/[^/]*$/, `/gatehouse_bench_audit_${randomBytes(3).toString('hex')}`);
process.env.DATABASE_URL = storeUrl;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main() {
  await migrateDatabase(storeUrl);
  const owner = createDb(storeUrl, { max: 1 });
  try {
    const started = performance.now();
    await seedRecordings(owner.sql, { sessions: Math.ceil(STATEMENTS / PER_SESSION), statementsPerSession: PER_SESSION, users: 50, targets: 5, days: 90 }, (done, total) =>
      process.stderr.write(`\rseeding ${done.toLocaleString('en')} / ${total.toLocaleString('en')} statements`),
    );
    process.stderr.write(`\nseeded and analysed in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
    const [auditor] = await owner.sql`insert into users (email, name, role) values ('bench-auditor@example.test', 'Auditor', 'auditor') returning id, email`;
    const actor: Actor = { id: auditor!.id as string, email: auditor!.email as string, role: 'auditor', kind: 'human', via: 'session' };
    const db = getDb();
    console.log(`\n${STATEMENTS.toLocaleString('en')} statements in ${Math.ceil(STATEMENTS / PER_SESSION).toLocaleString('en')} sessions; ${RUNS} runs each, as ${actor.role}`);
    console.log('case                                              rows    p50 ms   p95 ms   max ms');
    for (const c of await latencyCases(db, actor)) {
      const times: number[] = [];
      let rows = 0;
      for (let i = 0; i < RUNS + 2; i++) {
        const t = performance.now();
        rows = await c.run();
        if (i >= 2) times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      const cells = [percentile(times, 50), percentile(times, 95), times.at(-1)!].map((v) => v.toFixed(1).padStart(8));
      console.log(`${c.name.padEnd(48)} ${String(rows).padStart(5)} ${cells.join(' ')}`);
    }
  } finally {
    await owner.sql.end({ timeout: 5 });
    await closeDb();
    if (process.env.BENCH_KEEP_DB) console.log(`kept the store at ${storeUrl}`);
    else await dropDatabase(storeUrl);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
