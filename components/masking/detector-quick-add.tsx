'use client';

import type { DetectorName, MaskingRule } from '@/lib/masking/masking-schema';
import { newRuleId } from '@/components/rule-list/new-rule-id';
import { Button } from '@/components/ui/button';
import { DETECTOR_LABELS } from './masking-labels';
import { detectorRule } from './masking-rule-draft';

type DetectorQuickAddProps = {
  rules: readonly MaskingRule[];
  detectors: readonly DetectorName[];
  isLocked: boolean;
  onAdd: (rule: MaskingRule) => void;
};

/** One click per detector not yet in the list: a redacting rule at the end, editable like any other. */
export function DetectorQuickAdd({ rules, detectors, isLocked, onAdd }: DetectorQuickAddProps) {
  const present = new Set(rules.flatMap((r) => (r.match.type === 'detector' ? [r.match.detector] : [])));
  const missing = detectors.filter((d) => !present.has(d));
  if (missing.length === 0) return null;
  return (
    <div className="flex flex-wrap items-center gap-2 rounded-md border border-dashed border-slate-300 px-3 py-2" role="group" aria-label="Add a detector">
      <span className="text-xs font-medium text-slate-600">Add a detector:</span>
      {missing.map((detector) => (
        <Button
          key={detector}
          size="sm"
          variant="secondary"
          disabled={isLocked}
          onClick={() => onAdd(detectorRule(detector, newRuleId()))}
          aria-label={`Add detector ${DETECTOR_LABELS[detector]}`}
        >
          + {DETECTOR_LABELS[detector]}
        </Button>
      ))}
    </div>
  );
}
