/**
 * Gives the bench target the default rule pack plus one allow for writes to the pgbench tables,
 * placed just before 'default-approve-write' so TPC-B-like can run. Run with DATABASE_URL set to
 * the bench store: tsx bench/pg/allow-pgbench-writes.ts <target name>
 */
import { replaceTargetPolicyRules } from '../../lib/policy/target-policy';
import { defaultPolicyRules } from '../../lib/policy/default-policy-rules';
import type { PolicyRule } from '../../lib/policy/policy-rule-schema';
import { CLI_ACTOR } from '../../lib/auth/actor';
import { closeDb, getDb } from '../../lib/db/client';

const BENCH_RULE: PolicyRule = {
  id: 'bench-allow-pgbench-writes',
  name: 'Allow pgbench writes',
  enabled: true,
  subject: {},
  match: { kinds: ['write'], tables: ['public.pgbench_*'] },
  action: 'allow',
};

async function main(targetName: string | undefined): Promise<void> {
  if (!targetName) throw new Error('usage: allow-pgbench-writes.ts <target name>');
  const rules = defaultPolicyRules();
  const at = rules.findIndex((r) => r.id === 'default-approve-write');
  if (at === -1) throw new Error("the default rules no longer have 'default-approve-write'; update bench/pg/allow-pgbench-writes.ts");
  rules.splice(at, 0, BENCH_RULE);
  const { version } = await replaceTargetPolicyRules(getDb(), { actor: CLI_ACTOR, idOrName: targetName, rules });
  console.log(`policy of ${targetName}: ${rules.length} rules, version ${version}`);
}

try {
  await main(process.argv[2]);
} finally {
  await closeDb();
}
