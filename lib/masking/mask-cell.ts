import type { CompiledMasking } from './compile-masking';
import { byteStats, mayDetect } from './detector-prefilter';
import { maskText } from './mask-text';
import type { CellPlan } from './plan-result';
import { TEXT_LIKE_TYPES } from './plan-result';
import { maskValue, REDACTED } from './strategies';

const JSONB_OID = 3802;

/** The cell is to be sent as it came. */
export const UNCHANGED = Symbol('unchanged');
export type CellResult = typeof UNCHANGED | null | string | Buffer;

/** Where a value's text starts, when its bytes are text in this format (jsonb's binary form starts with a version byte); -1 if they are not. */
function textStart(format: number, typeOid: number, start: number): number {
  if (format === 0) return start;
  if (!TEXT_LIKE_TYPES.has(typeOid)) return -1;
  return typeOid === JSONB_OID ? start + 1 : start;
}

/**
 * The end of a UTF-8 value holding at least n + 1 code points (4 bytes each at most), or all of
 * it: enough for keep-last to tell whether the value is longer than n, and to keep its last n.
 */
function tailText(bytes: Buffer, from: number, end: number, n: number): string {
  let start = end - 4 * (n + 1) - 3;
  if (start <= from) return bytes.toString('utf8', from, end);
  while ((bytes[start]! & 0xc0) === 0x80) start++;
  return bytes.toString('utf8', start, end);
}

/**
 * Masks the non-NULL value in bytes[start, end) as the plan says. A masked column's value is
 * always text (its RowDescription says type text); a binary value that cannot be read as text
 * falls back to the redaction mark, or a hash of its bytes for the hash strategy. Detectors first
 * look at byte counts (detector-prefilter.ts), so most cells are never decoded. Anything that
 * throws here redacts the cell: fail closed.
 */
export function maskCellBytes(plan: CellPlan, bytes: Buffer, start: number, end: number, format: number, typeOid: number, masking: CompiledMasking): CellResult {
  if (plan.kind === 'pass') return UNCHANGED;
  if (plan.kind === 'withhold') return null;
  const ctx = { hashKey: masking.hashKey };
  try {
    const from = textStart(format, typeOid, start);
    if (plan.kind === 'mask') {
      const strategy = plan.strategy;
      // Redaction and NULL need not read the value at all; keep-last reads only its end.
      if (strategy.type === 'redact') return REDACTED;
      if (strategy.type === 'null') return null;
      if (from < 0) return strategy.type === 'hash' ? maskValue(strategy, bytes.toString('hex', start, end), ctx) : REDACTED;
      if (strategy.type === 'keep-last') return maskValue(strategy, tailText(bytes, from, end, strategy.n), ctx);
      return maskValue(strategy, bytes.toString('utf8', from, end), ctx);
    }
    if (from < 0) return null;
    if (!mayDetect(byteStats(bytes, from, end), masking.detectors)) return UNCHANGED;
    const text = bytes.toString('utf8', from, end);
    const out = maskText(text, masking.detectors, ctx);
    if (out === text) return UNCHANGED;
    return from > start ? Buffer.concat([bytes.subarray(start, from), Buffer.from(out, 'utf8')]) : out;
  } catch {
    return REDACTED;
  }
}

/** The same for a whole value (the preview's rows): the same Buffer when unchanged, null for SQL NULL. */
export function maskCell(plan: CellPlan, value: Buffer | null, format: number, typeOid: number, masking: CompiledMasking): Buffer | null {
  if (value === null) return null;
  const result = maskCellBytes(plan, value, 0, value.length, format, typeOid, masking);
  if (result === UNCHANGED) return value;
  return typeof result === 'string' ? Buffer.from(result, 'utf8') : result;
}
