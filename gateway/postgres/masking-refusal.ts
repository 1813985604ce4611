import type { GateVerdict } from './statement-gate';
import type { MaskingState } from './session-masking';

/**
 * A statement masking refuses (a strict column used to filter, join, group or sort; COPY of masked
 * columns; binary COPY where detectors apply) is blocked whatever the statement rules said.
 */
export function withMaskingRefusal(verdict: GateVerdict, masking: MaskingState | null): GateVerdict {
  const refusal = masking?.statement.refusal;
  if (!refusal || verdict.decision.action === 'block') return verdict;
  const rule = refusal.rule ? { id: `masking:${refusal.rule.id}`, name: `Masking: ${refusal.rule.name}` } : { id: 'masking', name: 'Masking' };
  const message = `Gatehouse: ${refusal.message}`;
  return {
    ...verdict,
    decision: { action: 'block', rule, message: refusal.message, statementIndex: null },
    substitute: { sqlstate: '42501', message },
  };
}
