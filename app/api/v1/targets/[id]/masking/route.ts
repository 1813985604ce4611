import { z } from 'zod';
import { apiRoute, readJson } from '@/app/_server/api';
import { getDb } from '@/lib/db/client';
import { parseInput } from '@/lib/validation';
import { getTarget } from '@/lib/targets/list-targets';
import { maskingRulesSchema } from '@/lib/masking/masking-schema';
import { getTargetMaskingRules, replaceTargetMaskingRules } from '@/lib/masking/replace-target-masking';

/** Parsed at the boundary so field errors are keyed "rules.<index>.<field>", as the body is shaped. */
const replaceMaskingBodySchema = z.object({ rules: maskingRulesSchema });

/** Unlike the statement rules, masking rules say which columns are sensitive: admins and auditors only. */
export const GET = apiRoute(['admin', 'auditor'], async (_req, { actor, params }) => {
  const target = await getTarget(getDb(), { actor, idOrName: params.id! });
  return { rules: await getTargetMaskingRules(getDb(), target.id) };
});

export const PUT = apiRoute(['admin'], async (req, { actor, params }) => {
  const { rules } = parseInput(replaceMaskingBodySchema, await readJson(req));
  return replaceTargetMaskingRules(getDb(), { actor, idOrName: params.id!, rules });
});
