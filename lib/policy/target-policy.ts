import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { targetPolicies } from '../db/schema';
import { assertRole, type Actor } from '../auth/actor';
import { parseInput } from '../validation';
import { getTargetRow } from '../targets/get-target';
import { defaultPolicyRules } from './default-policy-rules';
import { policyRulesSchema, type PolicyRule } from './policy-rule-schema';
import { DEFAULT_SESSION_SETTINGS, sessionSettingsSchema, type SessionSettings } from './session-settings';
import { maskingRulesSchema, type MaskingRule } from '../masking/masking-schema';

export type TargetPolicy = { rules: PolicyRule[]; settings: SessionSettings; masking: MaskingRule[]; version: number };

/**
 * The target's ordered statement rules, session settings and masking rules. A target without a stored policy gets the
 * default pack; a stored policy that no longer validates throws, so the gateway refuses sessions
 * rather than guessing.
 */
export async function getTargetPolicy(db: Db, targetId: string): Promise<TargetPolicy> {
  const [row] = await db.select().from(targetPolicies).where(eq(targetPolicies.targetId, targetId));
  if (!row) return { rules: defaultPolicyRules(), settings: DEFAULT_SESSION_SETTINGS, masking: [], version: 0 };
  const rules = policyRulesSchema.safeParse(row.rules);
  if (!rules.success) throw new Error(`stored rules are invalid: ${rules.error.issues[0]?.message ?? 'unknown problem'}`);
  const settings = sessionSettingsSchema.safeParse(row.settings);
  if (!settings.success) throw new Error(`stored session settings are invalid: ${settings.error.issues[0]?.message ?? 'unknown problem'}`);
  const masking = maskingRulesSchema.safeParse(row.masking);
  if (!masking.success) throw new Error(`stored masking rules are invalid: ${masking.error.issues[0]?.message ?? 'unknown problem'}`);
  return { rules: rules.data, settings: settings.data, masking: masking.data, version: row.version };
}

export async function getTargetPolicyRules(db: Db, targetId: string): Promise<PolicyRule[]> {
  return (await getTargetPolicy(db, targetId)).rules;
}

/** Replaces a target's session settings (idle timeout, maximum session length, strict reads). */
export async function updateTargetSessionSettings(
  db: Db,
  options: { actor: Actor; idOrName: string; settings: unknown },
): Promise<SessionSettings> {
  assertRole(options.actor, ['admin']);
  const settings = parseInput(sessionSettingsSchema, options.settings);
  const target = await getTargetRow(db, options.idOrName);
  await db
    .insert(targetPolicies)
    .values({ targetId: target.id, rules: defaultPolicyRules(), settings, updatedById: options.actor.id })
    .onConflictDoUpdate({
      target: targetPolicies.targetId,
      set: { settings, version: sql`${targetPolicies.version} + 1`, updatedById: options.actor.id, updatedAt: new Date() },
    });
  return settings;
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
