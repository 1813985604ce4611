import { z } from 'zod';
import { requireMasterKey } from '../env';
import { parseInput } from '../validation';
import { activeDetectors } from './active-detectors';
import { findDetections } from './mask-text';
import { maskingHashKey } from './masking-key';
import { maskingRulesSchema } from './masking-schema';

export const MAX_SAMPLE_TEXT = 10_000;

export type DetectionPreview = { ruleId: string; ruleName: string; label: string; found: string; masked: string };

const previewDetectionsSchema = z.object({
  text: z
    .string('Paste some text to scan')
    .min(1, 'Paste some text to scan')
    .max(MAX_SAMPLE_TEXT, `At most ${MAX_SAMPLE_TEXT.toLocaleString('en')} characters`),
  rules: maskingRulesSchema,
  targetId: z.string().min(1, 'Missing target id'),
});

/**
 * What the enabled detector and regex rules (possibly unsaved) find in a sample text and what each
 * finding becomes, hashed with the target's own key so a hash matches what the gateway would send.
 * Exemptions are not applied: the sample is not anyone's result. Column rules do not look at text.
 */
export function previewDetections(input: { text: string; rules: unknown; targetId: string }): DetectionPreview[] {
  const { text, rules, targetId } = parseInput(previewDetectionsSchema, input);
  const scanning = rules.filter((rule) => rule.enabled && rule.match.type !== 'column');
  if (scanning.length === 0) return [];
  const names = new Map(scanning.map((rule) => [rule.id, rule.name]));
  const detections = findDetections(text, activeDetectors(scanning), { hashKey: maskingHashKey(requireMasterKey(), targetId) });
  return detections.map((d) => ({ ruleId: d.ruleId, ruleName: names.get(d.ruleId) ?? d.ruleId, label: d.label, found: d.found, masked: d.masked }));
}
