'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { withRole } from '@/app/_server/action';
import { rulesJsonField, targetField } from '@/app/_server/form-fields';
import { getDb } from '@/lib/db/client';
import { parseInput } from '@/lib/validation';
import { policyRulesSchema, type PolicyRule } from '@/lib/policy/policy-rule-schema';
import { replaceTargetPolicyRules } from '@/lib/policy/target-policy';
import { simulateStatement, simulateStatementSchema, type StatementSimulation } from '@/lib/policy/simulate-statement';

/** Parsed here as well as in the domain so field errors are keyed "rules.<index>.<field>". */
const saveRulesSchema = z.object({ target: targetField, rules: rulesJsonField.pipe(policyRulesSchema) });

export const saveRulesAction = withRole<{ rules: PolicyRule[]; version: number }>(['admin'], async (actor, formData) => {
  const { target, rules } = parseInput(saveRulesSchema, Object.fromEntries(formData));
  const saved = await replaceTargetPolicyRules(getDb(), { actor, idOrName: target, rules });
  revalidatePath('/targets/[name]/rules', 'page');
  const count = saved.rules.length === 1 ? '1 rule' : `${saved.rules.length} rules`;
  return { ok: true, message: `Saved ${count} (version ${saved.version}).`, data: saved };
});

const simulateSchema = simulateStatementSchema.extend({ target: targetField });

export const simulateStatementAction = withRole<StatementSimulation>(['admin'], async (actor, formData) => {
  const { target, sql, userId } = parseInput(simulateSchema, Object.fromEntries(formData));
  return { ok: true, data: await simulateStatement(getDb(), { actor, idOrName: target, sql, userId }) };
});
