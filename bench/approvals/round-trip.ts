import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { CLI_ACTOR } from '../../lib/auth/actor';
import { actorFromUser } from '../../lib/auth/actor-from-user';
import { createDb } from '../../lib/db/client';
import { dropDatabase } from '../../lib/db/ensure-database';
import { migrateDatabase } from '../../lib/db/migrate';
import { initSqlParser } from '../../lib/sql/classify-sql';
import { createTarget } from '../../lib/targets/create-target';
import { createAccessToken } from '../../lib/tokens/create-access-token';
import { createUser } from '../../lib/users/create-user';
import { getUserById } from '../../lib/users/get-user';
import { decideApproval } from '../../lib/approvals/decide-approval';
import { publishApprovalDecision } from '../../lib/approvals/publish-decision';
import { AuditWriter } from '../../gateway/core/audit-writer';
import { ApprovalsHub } from '../../gateway/core/approvals-hub';
import { createScratchTarget, dropScratchTarget } from '../../test/scratch-target';
import { runBench, startBenchGateway } from '../in-process-gateway';

/**
 * The approval round trip: from the moment an approver's decision is committed (and announced) to
 * the moment the held statement's result reaches the client, through a real gateway, store and
 * Redis. Prints p50/p95/max over ROUNDS held DELETEs; asserts nothing.
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const server = process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const suffix = randomBytes(3).toString('hex');
const storeUrl = server.replace(/\/[^/]*$/, `/gatehouse_bench_approvals_${suffix}`);
process.env.DATABASE_URL = storeUrl;
process.env.REDIS_PREFIX = `gatehouse_bench_${suffix}`;
process.env.GATEHOUSE_MASTER_KEY ??= randomBytes(32).toString('base64');

async function main() {
  await initSqlParser();
  await migrateDatabase(storeUrl);
  const store = createDb(storeUrl);
  const target = await createScratchTarget(server);
  const audit = new AuditWriter(store.sql);
  const hub = new ApprovalsHub({ db: store.db, redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', prefix: process.env.REDIS_PREFIX!, publicUrl: 'http://localhost:3000' });
  let gateway: Awaited<ReturnType<typeof startBenchGateway>> | undefined;
  try {
    await target.seed(`create table payments (id int primary key); insert into payments select generate_series(1, ${ROUNDS})`);
    const t = await createTarget(store.db, { actor: CLI_ACTOR, input: { name: 'bench', host: target.host, port: target.port, database: target.database, username: target.username, password: target.password, tlsMode: 'disable' } });
    await createUser(store.db, { actor: CLI_ACTOR, input: { email: 'requester@bench.test', role: 'user', password: 'bench-password-1' } });
    const { user: approverUser } = await createUser(store.db, { actor: CLI_ACTOR, input: { email: 'approver@bench.test', role: 'approver', password: 'bench-password-2' } });
    const approver = actorFromUser(await getUserById(store.db, approverUser.id), 'session');
    const { token } = await createAccessToken(store.db, { actor: CLI_ACTOR, input: { name: 'bench', userEmail: 'requester@bench.test' } });
    await hub.start();
    gateway = await startBenchGateway({ db: store.db, audit, approvals: hub, instance: `bench-${suffix}` });
    const { port } = gateway;
    const client = new pg.Client({ host: '127.0.0.1', port, database: t.name, user: 'bench', password: token });
    await client.connect();
    const samples: number[] = [];
    for (let i = 1; i <= ROUNDS; i++) {
      const text = `delete from payments where id = ${i}`;
      const held = client.query(text);
      let requestId: string | undefined;
      while (!requestId) {
        const rows = await store.sql`select id from approval_requests where statement_text = ${text} and status = 'pending'`;
        requestId = rows[0]?.id as string | undefined;
        if (!requestId) await new Promise((r) => setTimeout(r, 5));
      }
      const started = performance.now();
      const { request } = await decideApproval(store.db, { actor: approver, requestId, decision: 'approve' });
      await publishApprovalDecision({ id: request.id, status: request.status });
      await held;
      samples.push(performance.now() - started);
      process.stdout.write(`\r[bench:approvals] ${i}/${ROUNDS}`);
    }
    await client.end();
    samples.sort((a, b) => a - b);
    const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!.toFixed(1);
    console.log(`\n[bench:approvals] decision committed -> held statement's result at the client, ${ROUNDS} rounds: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms (target: p50 under 100 ms)`);
  } finally {
    await gateway?.close();
    await hub.stop();
    await audit.close();
    await store.sql.end();
    await dropScratchTarget(target);
    await dropDatabase(storeUrl);
  }
}

runBench('bench:approvals', main);
