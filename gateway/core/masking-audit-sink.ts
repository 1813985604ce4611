import { compileMasking, type CompiledMasking } from '@/lib/masking/compile-masking';
import { maskText } from '@/lib/masking/mask-text';
import type { MaskingRule } from '@/lib/masking/masking-schema';
import type { AuditSink, StatementRecord } from './audit-sink';

/**
 * Statement records are read later by auditors, not by the caller: what the detectors find in the
 * statement text, bind values and error messages (a card number typed into an INSERT) is masked
 * before it is stored, with every enabled detector, whatever the caller's exemptions. Approval
 * requests keep the text as sent: the approver must see what will run.
 */
export function maskingAuditSink(sink: AuditSink, rules: () => readonly MaskingRule[], hashKey: Buffer): AuditSink {
  let compiled: { rules: readonly MaskingRule[]; masking: CompiledMasking } | null = null;
  const masking = () => {
    const current = rules();
    if (compiled?.rules !== current) {
      const unexempted = current.map((r) => ({ ...r, exempt: undefined }));
      compiled = { rules: current, masking: compileMasking(unexempted, { userId: '', role: 'user', tokenId: null }, hashKey) };
    }
    return compiled.masking;
  };
  const mask = (text: string) => {
    const m = masking();
    return m.detectors.length ? maskText(text, m.detectors, { hashKey: m.hashKey }) : text;
  };
  const masked = (record: StatementRecord): StatementRecord => ({
    ...record,
    text: mask(record.text),
    params: record.params && record.params.map((p) => (p === null ? null : mask(p))),
    message: record.message && mask(record.message),
  });
  return {
    startSession: (session) => sink.startSession(session),
    recordDurable: (record) => sink.recordDurable(masked(record)),
    recordBatched: (record) => sink.recordBatched(masked(record)),
    completeStatement: (id, outcome) => sink.completeStatement(id, { ...outcome, errorMessage: outcome.errorMessage && mask(outcome.errorMessage) }),
    endSession: (id, reason) => sink.endSession(id, reason),
  };
}
