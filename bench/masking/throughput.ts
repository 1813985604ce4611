import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { CLI_ACTOR } from '../../lib/auth/actor';
import { createDb } from '../../lib/db/client';
import { dropDatabase } from '../../lib/db/ensure-database';
import { migrateDatabase } from '../../lib/db/migrate';
import { initSqlParser } from '../../lib/sql/classify-sql';
import { createTarget } from '../../lib/targets/create-target';
import { createAccessToken } from '../../lib/tokens/create-access-token';
import { createUser } from '../../lib/users/create-user';
import { replaceTargetMaskingRules } from '../../lib/masking/replace-target-masking';
import { replaceTargetPolicyRules } from '../../lib/policy/target-policy';
import { DETECTORS, type MaskingRule } from '../../lib/masking/masking-schema';
import { AuditWriter } from '../../gateway/core/audit-writer';
import { createScratchTarget, dropScratchTarget } from '../../test/scratch-target';
import { runBench, startBenchGateway } from '../in-process-gateway';

/**
 * Masking on the stream: ROWS rows of 10 columns, 3 of them masked by column rules (e-mail domain,
 * last 4, redaction; and again with the hash strategy in place of redaction) and every detector on, read with psql through the gateway, against the same query through the same
 * gateway to a registration of the same database without masking. Prints the median time of RUNS
 * runs each and the gateway process's peak RSS and heap growth while reading; asserts nothing.
 * The gateway runs in this process; psql (a separate process) is the client and writes to /dev/null.
 */
const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const server = process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const suffix = randomBytes(3).toString('hex');
const storeUrl = server.replace(/\/[^/]*$/, `/gatehouse_bench_masking_${suffix}`);
process.env.DATABASE_URL = storeUrl;
process.env.GATEHOUSE_MASTER_KEY ??= randomBytes(32).toString('base64');
const run = promisify(execFile);

const QUERY = 'select id, full_name, email, phone, card_number, city, notes, amount, created_at, status from customers';

const RULES: MaskingRule[] = [
  { id: 'email', name: 'E-mail', enabled: true, match: { type: 'column', column: 'public.customers.email' }, strategy: { type: 'email-domain' } },
  { id: 'phone', name: 'Phone', enabled: true, match: { type: 'column', column: 'public.customers.phone' }, strategy: { type: 'keep-last', n: 4 } },
  { id: 'card', name: 'Card', enabled: true, match: { type: 'column', column: 'public.customers.card_number' }, strategy: { type: 'redact' } },
  ...DETECTORS.map((d): MaskingRule => ({ id: `detect-${d}`, name: d, enabled: true, match: { type: 'detector', detector: d }, strategy: { type: 'redact' } })),
];

const SEED = `
  create table customers (id int primary key, full_name text, email text, phone text, card_number text, city text, notes text, amount numeric, created_at timestamptz, status text);
  insert into customers
  select i, 'Customer ' || i, 'customer' || i || '@example.com', '+44 7700 900' || lpad((i % 1000)::text, 3, '0'), '4000 ' || substr(lpad(i::text, 12, '0'), 1, 4) || ' ' || substr(lpad(i::text, 12, '0'), 5, 4) || ' ' || substr(lpad(i::text, 12, '0'), 9, 4),
         (array['London', 'Paris', 'Berlin', 'Madrid'])[1 + i % 4],
         case when i % 50 = 0 then 'call back about order ' || i || ', mail ops' || i || '@corp.test' else 'order ' || i || ' shipped on time' end,
         (i % 997) * 1.25, timestamptz '2025-01-01' + i * interval '1 minute', (array['open', 'paid', 'void'])[1 + i % 3]
  from generate_series(1, ${ROWS}) i;
  analyze customers;
`;

type Sample = { ms: number; peakRssMb: number; heapGrowthMb: number };

async function measure(conninfo: string): Promise<Sample> {
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let peakRss = process.memoryUsage().rss;
  let peakHeap = heapBefore;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 10);
  const started = performance.now();
  await run('psql', [conninfo, '-X', '-At', '-v', 'ON_ERROR_STOP=1', '-o', '/dev/null', '-c', QUERY], { maxBuffer: 1 << 20 });
  const ms = performance.now() - started;
  clearInterval(sampler);
  return { ms, peakRssMb: peakRss / 2 ** 20, heapGrowthMb: (peakHeap - heapBefore) / 2 ** 20 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  await initSqlParser();
  await migrateDatabase(storeUrl);
  const store = createDb(storeUrl);
  const target = await createScratchTarget(server);
  const audit = new AuditWriter(store.sql);
  let gateway: Awaited<ReturnType<typeof startBenchGateway>> | undefined;
  try {
    process.stdout.write(`[bench:masking] seeding ${ROWS} rows x 10 columns\n`);
    await target.seed(SEED);
    const base = { host: target.host, port: target.port, database: target.database, username: target.username, password: target.password, tlsMode: 'disable' as const };
    const plain = await createTarget(store.db, { actor: CLI_ACTOR, input: { name: 'plain', ...base } });
    const masked = await createTarget(store.db, { actor: CLI_ACTOR, input: { name: 'masked', ...base } });
    const hashed = await createTarget(store.db, { actor: CLI_ACTOR, input: { name: 'hashed', ...base } });
    const allowReads = [{ id: 'reads', name: 'Reads', enabled: true, subject: {}, match: { kinds: ['read' as const] }, action: 'allow' as const }];
    for (const t of [plain, masked, hashed]) await replaceTargetPolicyRules(store.db, { actor: CLI_ACTOR, idOrName: t.name, rules: allowReads });
    await replaceTargetMaskingRules(store.db, { actor: CLI_ACTOR, idOrName: masked.name, rules: RULES });
    const withHash = RULES.map((r): MaskingRule => (r.id === 'card' ? { ...r, strategy: { type: 'hash' } } : r));
    await replaceTargetMaskingRules(store.db, { actor: CLI_ACTOR, idOrName: hashed.name, rules: withHash });
    await createUser(store.db, { actor: CLI_ACTOR, input: { email: 'reader@bench.test', role: 'user', password: 'bench-password-1' } });
    const { token } = await createAccessToken(store.db, { actor: CLI_ACTOR, input: { name: 'bench', userEmail: 'reader@bench.test' } });
    gateway = await startBenchGateway({ db: store.db, audit, approvals: null, instance: `bench-${suffix}` });
    const { port } = gateway;
    const conninfo = (name: string) => `host=127.0.0.1 port=${port} dbname=${name} user=bench password=${token} sslmode=disable`;
    const configs = { unmasked: 'plain', masked: 'masked', 'masked+hash': 'hashed' } as const;
    // BENCH_CONFIGS=masked (comma-separated) measures only those, for profiling one path.
    const only = process.env.BENCH_CONFIGS?.split(',');
    for (const name of Object.keys(configs) as (keyof typeof configs)[]) if (only && !only.includes(name)) delete (configs as Partial<typeof configs>)[name];
    const results: Record<string, Sample[]> = { unmasked: [], masked: [], 'masked+hash': [] };
    for (const target of Object.values(configs)) await measure(conninfo(target));
    for (let i = 1; i <= RUNS; i++) {
      for (const [name, target] of Object.entries(configs)) results[name]!.push(await measure(conninfo(target)));
      process.stdout.write(`\r[bench:masking] run ${i}/${RUNS}`);
    }
    process.stdout.write('\n');
    for (const [name, samples] of Object.entries(results)) {
      if (samples.length === 0) continue;
      const ms = median(samples.map((s) => s.ms));
      console.log(
        `[bench:masking] ${name.padEnd(11)} ${ROWS} rows: median ${ms.toFixed(0)} ms (${((ROWS / ms) * 1000).toFixed(0)} rows/s), ` +
          `peak RSS ${Math.max(...samples.map((s) => s.peakRssMb)).toFixed(0)} MiB, heap growth while reading ${Math.max(...samples.map((s) => s.heapGrowthMb)).toFixed(1)} MiB`,
      );
    }
    const baseline = median(results.unmasked!.map((s) => s.ms));
    for (const name of ['masked', 'masked+hash'].filter((n) => results[n]!.length && results.unmasked!.length)) {
      console.log(`[bench:masking] ${name} / unmasked time: ${(median(results[name]!.map((s) => s.ms)) / baseline).toFixed(2)}x (target: at most 1.3x, flat memory)`);
    }
  } finally {
    await gateway?.close();
    await audit.close();
    await store.sql.end();
    await dropScratchTarget(target);
    await dropDatabase(storeUrl);
  }
}

runBench('bench:masking', main);
