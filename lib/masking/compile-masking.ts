import { activeDetectors } from './active-detectors';
import type { ActiveDetector } from './mask-text';
import { rulesFor, type MaskingIdentity } from './masking-identity';
import type { MaskingRule } from './masking-schema';

/** One caller's masking on one target: what a session (or the preview) applies to every result. */
export type CompiledMasking = {
  /** Per rule-named column ('schema.table.column'), the first rule that applies to this caller. */
  columnRules: ReadonlyMap<string, MaskingRule>;
  /** Rule-named columns whose every rule exempts this caller: they see the values, detectors included. */
  exemptColumns: ReadonlySet<string>;
  detectors: readonly ActiveDetector[];
  hashKey: Buffer;
  /** Nothing applies to this caller: results pass untouched. */
  isEmpty: boolean;
};

export function compileMasking(rules: readonly MaskingRule[], identity: MaskingIdentity, hashKey: Buffer): CompiledMasking {
  const applicable = rulesFor(rules, identity);
  const columnRules = new Map<string, MaskingRule>();
  for (const rule of applicable) {
    if (rule.match.type === 'column' && !columnRules.has(rule.match.column)) columnRules.set(rule.match.column, rule);
  }
  const exemptColumns = new Set<string>();
  for (const rule of rules) {
    if (rule.enabled && rule.match.type === 'column' && !columnRules.has(rule.match.column)) exemptColumns.add(rule.match.column);
  }
  const detectors = activeDetectors(applicable);
  return { columnRules, exemptColumns, detectors, hashKey, isEmpty: columnRules.size === 0 && detectors.length === 0 };
}
