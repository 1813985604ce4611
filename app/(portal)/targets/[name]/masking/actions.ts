'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { withRole } from '@/app/_server/action';
import { rulesJsonField, targetField } from '@/app/_server/form-fields';
import { getDb } from '@/lib/db/client';
import { parseInput } from '@/lib/validation';
import { maskingRulesSchema, type MaskingRule } from '@/lib/masking/masking-schema';
import { replaceTargetMaskingRules } from '@/lib/masking/replace-target-masking';
import { previewMaskedQuery, type MaskingPreview } from '@/lib/masking/preview-masked-query';
import { previewDetections, type DetectionPreview } from '@/lib/masking/preview-detections';
import { getTargetRow } from '@/lib/targets/get-target';

/** Parsed here as well as in the domain so field errors are keyed "rules.<index>.<field>". */
const saveSchema = z.object({ target: targetField, rules: rulesJsonField.pipe(maskingRulesSchema) });

export const saveMaskingRulesAction = withRole<{ rules: MaskingRule[]; version: number }>(['admin'], async (actor, formData) => {
  const { target, rules } = parseInput(saveSchema, Object.fromEntries(formData));
  const saved = await replaceTargetMaskingRules(getDb(), { actor, idOrName: target, rules });
  revalidatePath('/targets/[name]/masking', 'page');
  const count = saved.rules.length === 1 ? '1 masking rule' : `${saved.rules.length} masking rules`;
  return { ok: true, message: `Saved ${count} (version ${saved.version}).`, data: saved };
});

/** The draft rules are judged by the domain; only their JSON framing is checked here. */
const previewSchema = z.object({ target: targetField, rules: rulesJsonField, sql: z.string(), asUserId: z.string() });

export const previewMaskedQueryAction = withRole<MaskingPreview>(['admin'], async (actor, formData) => {
  const { target, rules, sql, asUserId } = parseInput(previewSchema, Object.fromEntries(formData));
  return { ok: true, data: await previewMaskedQuery(getDb(), { actor, idOrName: target, sql, rules, asUserId }) };
});

const detectSchema = z.object({ target: targetField, rules: rulesJsonField, text: z.string() });

export const previewDetectionsAction = withRole<DetectionPreview[]>(['admin'], async (_actor, formData) => {
  const { target, rules, text } = parseInput(detectSchema, Object.fromEntries(formData));
  const { id } = await getTargetRow(getDb(), target);
  return { ok: true, data: previewDetections({ text, rules, targetId: id }) };
});
