import type { MaskingRule } from './masking-schema';
import { DETECTOR_REGISTRY } from './detectors';
import { regexDetector } from './detectors/regex-detector';
import type { ActiveDetector } from './mask-text';

/** Detector and regex rules (already filtered for the caller) as the detectors maskText runs, in rule order. */
export function activeDetectors(rules: readonly MaskingRule[]): ActiveDetector[] {
  const active: ActiveDetector[] = [];
  for (const rule of rules) {
    if (rule.match.type === 'detector') active.push({ ruleId: rule.id, detector: DETECTOR_REGISTRY[rule.match.detector], strategy: rule.strategy });
    if (rule.match.type === 'regex') active.push({ ruleId: rule.id, detector: regexDetector(rule.match.pattern), strategy: rule.strategy });
  }
  return active;
}
