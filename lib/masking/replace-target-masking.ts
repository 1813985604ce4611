import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { targetPolicies } from '../db/schema';
import { assertRole, type Actor } from '../auth/actor';
import { parseInput } from '../validation';
import { getTargetRow } from '../targets/get-target';
import { defaultPolicyRules } from '../policy/default-policy-rules';
import { getTargetPolicy, lockTargetPolicy } from '../policy/target-policy';
import { appendAuditEvent } from '../audit/append-audit-event';
import { diffRuleLists, ruleChangeSummary } from '../audit/audit-details';
import { maskingRulesSchema, type MaskingRule } from './masking-schema';

export async function getTargetMaskingRules(db: Db, targetId: string): Promise<MaskingRule[]> {
  return (await getTargetPolicy(db, targetId)).masking;
}

/** Replaces a target's masking rules as a whole (add, edit, reorder, enable and delete are all this). */
export async function replaceTargetMaskingRules(
  db: Db,
  options: { actor: Actor; idOrName: string; rules: unknown },
): Promise<{ rules: MaskingRule[]; version: number }> {
  assertRole(options.actor, ['admin']);
  const rules = parseInput(maskingRulesSchema, options.rules);
  const target = await getTargetRow(db, options.idOrName);
  return db.transaction(async (tx) => {
    const current = await lockTargetPolicy(tx, target.id);
    const [row] = await tx
      .insert(targetPolicies)
      .values({ targetId: target.id, rules: defaultPolicyRules(), masking: rules, updatedById: options.actor.id })
      .onConflictDoUpdate({
        target: targetPolicies.targetId,
        set: { masking: rules, version: sql`${targetPolicies.version} + 1`, updatedById: options.actor.id, updatedAt: new Date() },
      })
      .returning({ version: targetPolicies.version });
    const diff = diffRuleLists(current?.masking ?? [], rules);
    await appendAuditEvent(tx, {
      actor: options.actor,
      action: 'target.masking_changed',
      subjectType: 'target',
      subjectId: target.id,
      summary: ruleChangeSummary(options.actor.email, diff, 'masking rule', target.name),
      details: { targetName: target.name, version: row!.version, ...diff },
    });
    return { rules, version: row!.version };
  });
}
