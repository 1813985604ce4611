import { z } from 'zod';
import { apiRoute, readJson } from '@/app/_server/api';
import { getDb } from '@/lib/db/client';
import { parseInput } from '@/lib/validation';
import { getTarget } from '@/lib/targets/list-targets';
import { policyRulesSchema } from '@/lib/policy/policy-rule-schema';
import { getTargetPolicyRules, replaceTargetPolicyRules } from '@/lib/policy/target-policy';

/** Parsed at the boundary so field errors are keyed "rules.<index>.<field>", as the body is shaped. */
const replaceRulesBodySchema = z.object({ rules: policyRulesSchema });

export const GET = apiRoute('any', async (_req, { actor, params }) => {
  const target = await getTarget(getDb(), { actor, idOrName: params.id! });
  return { rules: await getTargetPolicyRules(getDb(), target.id) };
});

export const PUT = apiRoute(['admin'], async (req, { actor, params }) => {
  const { rules } = parseInput(replaceRulesBodySchema, await readJson(req));
  return replaceTargetPolicyRules(getDb(), { actor, idOrName: params.id!, rules });
});
