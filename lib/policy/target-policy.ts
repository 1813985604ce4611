import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { targetPolicies } from '../db/schema';
import { assertRole, type Actor } from '../auth/actor';
import { parseInput } from '../validation';
import { getTargetRow } from '../targets/get-target';
import { defaultPolicyRules } from './default-policy-rules';
import { policyRulesSchema, type PolicyRule } from './policy-rule-schema';

/**
 * The target's ordered rules. A target without a stored policy gets the default pack; a stored
 * policy that no longer validates throws, so the gateway refuses sessions rather than guessing.
 */
export async function getTargetPolicyRules(db: Db, targetId: string): Promise<PolicyRule[]> {
  const [row] = await db.select({ rules: targetPolicies.rules }).from(targetPolicies).where(eq(targetPolicies.targetId, targetId));
  if (!row) return defaultPolicyRules();
  const parsed = policyRulesSchema.safeParse(row.rules);
  if (!parsed.success) throw new Error(`stored rules are invalid: ${parsed.error.issues[0]?.message ?? 'unknown problem'}`);
  return parsed.data;
}

/** Replaces a target's rules as a whole (add, edit, reorder, disable and delete are all this). */
export async function replaceTargetPolicyRules(
  db: Db,
  options: { actor: Actor; idOrName: string; rules: unknown },
): Promise<{ rules: PolicyRule[]; version: number }> {
  assertRole(options.actor, ['admin']);
  const rules = parseInput(policyRulesSchema, options.rules);
  const target = await getTargetRow(db, options.idOrName);
  const [row] = await db
    .insert(targetPolicies)
    .values({ targetId: target.id, rules, updatedById: options.actor.id })
    .onConflictDoUpdate({
      target: targetPolicies.targetId,
      set: { rules, version: sql`${targetPolicies.version} + 1`, updatedById: options.actor.id, updatedAt: new Date() },
    })
    .returning({ version: targetPolicies.version });
  return { rules, version: row!.version };
}
