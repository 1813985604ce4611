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
import { appendAuditEvent } from '../audit/append-audit-event';
import { diffRuleLists, fieldChanges, ruleChangeSummary } from '../audit/audit-details';

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

type TargetPolicyRow = typeof targetPolicies.$inferSelect;

/** The stored policy row, locked until the transaction ends so the change and its audit event see the same "before". */
export async function lockTargetPolicy(db: Db, targetId: string): Promise<TargetPolicyRow | null> {
  const [row] = await db.select().from(targetPolicies).where(eq(targetPolicies.targetId, targetId)).for('update');
  return row ?? null;
}

/** Replaces a target's session settings (idle timeout, maximum session length, strict reads, recording, retention). */
export async function updateTargetSessionSettings(
  db: Db,
  options: { actor: Actor; idOrName: string; settings: unknown },
): Promise<SessionSettings> {
  assertRole(options.actor, ['admin']);
  const settings = parseInput(sessionSettingsSchema, options.settings);
  const target = await getTargetRow(db, options.idOrName);
  await db.transaction(async (tx) => {
    const current = await lockTargetPolicy(tx, target.id);
    const stored = sessionSettingsSchema.safeParse(current?.settings ?? {});
    const before = stored.success ? stored.data : { ...DEFAULT_SESSION_SETTINGS, ...current?.settings };
    await tx
      .insert(targetPolicies)
      .values({ targetId: target.id, rules: defaultPolicyRules(), settings, updatedById: options.actor.id })
      .onConflictDoUpdate({
        target: targetPolicies.targetId,
        set: { settings, version: sql`${targetPolicies.version} + 1`, updatedById: options.actor.id, updatedAt: new Date() },
      });
    const changes = fieldChanges(auditedSettings(before), auditedSettings(settings), SETTING_FIELDS);
    const changed = Object.keys(changes);
    await appendAuditEvent(tx, {
      actor: options.actor,
      action: 'target.settings_changed',
      subjectType: 'target',
      subjectId: target.id,
      summary: `${options.actor.email} changed the session settings of ${target.name}: ${changed.length ? changed.join(', ') : 'nothing'}`,
      details: { targetName: target.name, changes },
    });
  });
  return settings;
}

const SETTING_FIELDS = Object.keys(sessionSettingsSchema.shape) as (keyof SessionSettings)[];

/** A webhook URL often carries its secret in the path (Slack's do): events keep only its origin. */
function auditedSettings(settings: SessionSettings): SessionSettings {
  const url = settings.approvalWebhookUrl;
  return { ...settings, approvalWebhookUrl: url ? webhookOrigin(url) : null };
}

function webhookOrigin(url: string): string {
  try {
    return `${new URL(url).origin}/…`;
  } catch {
    return '(set)';
  }
}

/** Replaces a target's rules as a whole (add, edit, reorder, disable and delete are all this). */
export async function replaceTargetPolicyRules(
  db: Db,
  options: { actor: Actor; idOrName: string; rules: unknown },
): Promise<{ rules: PolicyRule[]; version: number }> {
  assertRole(options.actor, ['admin']);
  const rules = parseInput(policyRulesSchema, options.rules);
  const target = await getTargetRow(db, options.idOrName);
  return db.transaction(async (tx) => {
    const current = await lockTargetPolicy(tx, target.id);
    const [row] = await tx
      .insert(targetPolicies)
      .values({ targetId: target.id, rules, updatedById: options.actor.id })
      .onConflictDoUpdate({
        target: targetPolicies.targetId,
        set: { rules, version: sql`${targetPolicies.version} + 1`, updatedById: options.actor.id, updatedAt: new Date() },
      })
      .returning({ version: targetPolicies.version });
    const diff = diffRuleLists(current?.rules ?? defaultPolicyRules(), rules);
    await appendAuditEvent(tx, {
      actor: options.actor,
      action: 'target.rules_changed',
      subjectType: 'target',
      subjectId: target.id,
      summary: ruleChangeSummary(options.actor.email, diff, 'statement rule', target.name),
      details: { targetName: target.name, version: row!.version, ...diff },
    });
    return { rules, version: row!.version };
  });
}
