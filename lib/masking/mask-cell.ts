import type { CompiledMasking } from './compile-masking';
import { maskText } from './mask-text';
import type { CellPlan } from './plan-result';
import { TEXT_LIKE_TYPES } from './plan-result';
import { maskValue, REDACTED } from './strategies';

const JSONB_OID = 3802;

/** The value as text, when its bytes are text in this format (jsonb's binary form starts with a version byte). */
function decodeText(value: Buffer, format: number, typeOid: number): string | null {
  if (format === 0) return value.toString('utf8');
  if (!TEXT_LIKE_TYPES.has(typeOid)) return null;
  return typeOid === JSONB_OID ? value.toString('utf8', 1) : value.toString('utf8');
}

/**
 * Masks one cell's bytes as the plan says; returns the same Buffer when nothing changed, null for
 * SQL NULL. A masked column's value is always sent as text (its RowDescription says type text);
 * a binary value that cannot be read as text falls back to the redaction mark, or a hash of its
 * bytes for the hash strategy. Anything that throws here redacts the cell: fail closed.
 */
export function maskCell(plan: CellPlan, value: Buffer | null, format: number, typeOid: number, masking: CompiledMasking): Buffer | null {
  if (plan.kind === 'pass' || value === null) return value;
  if (plan.kind === 'withhold') return null;
  const ctx = { hashKey: masking.hashKey };
  try {
    const text = decodeText(value, format, typeOid);
    if (plan.kind === 'mask') {
      const masked = text !== null ? maskValue(plan.strategy, text, ctx) : binaryFallback(plan, value, ctx);
      return masked === null ? null : Buffer.from(masked, 'utf8');
    }
    if (text === null) return null;
    const out = maskText(text, masking.detectors, ctx);
    if (out === text) return value;
    return format === 1 && typeOid === JSONB_OID ? Buffer.concat([Buffer.of(1), Buffer.from(out, 'utf8')]) : Buffer.from(out, 'utf8');
  } catch {
    return Buffer.from(REDACTED, 'utf8');
  }
}

function binaryFallback(plan: Extract<CellPlan, { kind: 'mask' }>, value: Buffer, ctx: { hashKey: Buffer }): string | null {
  if (plan.strategy.type === 'hash') return maskValue(plan.strategy, value.toString('hex'), ctx);
  if (plan.strategy.type === 'null') return null;
  return REDACTED;
}
