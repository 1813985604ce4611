import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestDb } from '@/test/db';
import { setupGateway } from '@/test/gateway-harness';
import { CLI_ACTOR } from '@/lib/auth/actor';
import { defaultPolicyRules } from '@/lib/policy/default-policy-rules';
import { replaceTargetPolicyRules } from '@/lib/policy/target-policy';

const run = promisify(execFile);
const store = setupTestDb();
const { db } = store;
const gw = setupGateway(store);

beforeAll(async () => {
  await run('pgbench', ['-i', '-s', '1', '-q', gw.target.url]);
  await gw.direct.unsafe(`grant all on all tables in schema public to "${gw.target.username}"`);
  const rules = defaultPolicyRules();
  rules.splice(rules.findIndex((r) => r.id === 'default-approve-write'), 0, {
    id: 'allow-pgbench-writes', name: 'Allow pgbench writes', enabled: true, subject: {}, match: { kinds: ['write'], tables: ['public.pgbench_*'] }, action: 'allow',
  });
  await replaceTargetPolicyRules(db, { actor: CLI_ACTOR, idOrName: gw.targetName, rules });
}, 60_000);

function pgbenchArgs(token: string, mode: string, extra: string[]) {
  const conninfo = `host=127.0.0.1 port=${gw.port} dbname=${gw.targetName} user=bench password=${token} sslmode=require`;
  return ['-n', '-M', mode, '-c', '2', '-j', '2', '-t', '30', ...extra, conninfo];
}

describe('pgbench through the gateway', () => {
  it.each(['simple', 'extended', 'prepared'])('runs select-only and TPC-B-like in -M %s with no failed transaction', async (mode) => {
    const token = await gw.tokenFor();
    const [{ n: before }] = (await gw.direct`select count(*)::int as n from pgbench_history`) as unknown as [{ n: number }];
    for (const extra of [['-S'], []]) {
      const { stdout } = await run('pgbench', pgbenchArgs(token, mode, extra));
      expect(stdout).toMatch(/number of transactions actually processed: 60\/60/);
      expect(stdout).toMatch(/number of failed transactions: 0 /);
    }
    const [{ n: after }] = (await gw.direct`select count(*)::int as n from pgbench_history`) as unknown as [{ n: number }];
    expect(after - before).toBe(60);
  });
});
