import type { CompiledMasking } from './compile-masking';
import { byteStats, compilePrefilter } from './detector-prefilter';
import { maskText } from './mask-text';
import type { CellPlan } from './plan-result';
import { TEXT_LIKE_TYPES } from './plan-result';
import { maskValue, REDACTED } from './strategies';

const JSONB_OID = 3802;

/** The cell is to be sent as it came. */
export const UNCHANGED = Symbol('unchanged');
export type CellResult = typeof UNCHANGED | null | string | Buffer;

/** How many bytes precede a value's text in this format (jsonb's binary form starts with a version byte); -1 if its bytes are not text. */
function textOffset(format: number, typeOid: number): number {
  if (format === 0) return 0;
  if (!TEXT_LIKE_TYPES.has(typeOid)) return -1;
  return typeOid === JSONB_OID ? 1 : 0;
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

/** Masks the non-NULL value in bytes[start, end). */
export type CellMasker = (bytes: Buffer, start: number, end: number) => CellResult;

const guarded =
  (mask: CellMasker): CellMasker =>
  (bytes, start, end) => {
    try {
      return mask(bytes, start, end);
    } catch {
      return REDACTED;
    }
  };

/**
 * The masking of one result column, decided once per RowDescription so that each cell costs one
 * call. A masked column's value is always text (its RowDescription says type text); a binary
 * value that cannot be read as text falls back to the redaction mark, or a hash of its bytes for
 * the hash strategy. Redaction and NULL never read the value; keep-last reads only its end;
 * detectors first look at byte counts (detector-prefilter.ts), so most cells are never decoded.
 * Anything that throws redacts the cell: fail closed. Null for a column left alone.
 */
export function compileCellMasker(plan: CellPlan, format: number, typeOid: number, masking: CompiledMasking): CellMasker | null {
  if (plan.kind === 'pass') return null;
  if (plan.kind === 'withhold') return () => null;
  const ctx = { hashKey: masking.hashKey };
  const skip = textOffset(format, typeOid);
  if (plan.kind === 'mask') {
    const strategy = plan.strategy;
    if (strategy.type === 'redact') return () => REDACTED;
    if (strategy.type === 'null') return () => null;
    if (skip < 0) return strategy.type === 'hash' ? guarded((b, s, e) => maskValue(strategy, b.toString('hex', s, e), ctx)) : () => REDACTED;
    if (strategy.type === 'keep-last') return guarded((b, s, e) => maskValue(strategy, tailText(b, s + skip, e, strategy.n), ctx));
    return guarded((b, s, e) => maskValue(strategy, b.toString('utf8', s + skip, e), ctx));
  }
  if (skip < 0) return () => null;
  const { detectors } = masking;
  const mayMatch = compilePrefilter(detectors);
  return guarded((bytes, start, end) => {
    const from = start + skip;
    if (!mayMatch(byteStats(bytes, from, end))) return UNCHANGED;
    const text = bytes.toString('utf8', from, end);
    const out = maskText(text, detectors, ctx);
    if (out === text) return UNCHANGED;
    return skip > 0 ? Buffer.concat([bytes.subarray(start, from), Buffer.from(out, 'utf8')]) : out;
  });
}

/** The same for a whole value (the preview's rows): the same Buffer when unchanged, null for SQL NULL. */
export function maskCell(plan: CellPlan, value: Buffer | null, format: number, typeOid: number, masking: CompiledMasking): Buffer | null {
  const mask = compileCellMasker(plan, format, typeOid, masking);
  if (value === null || !mask) return value;
  const result = mask(value, 0, value.length);
  if (result === UNCHANGED) return value;
  return typeof result === 'string' ? Buffer.from(result, 'utf8') : result;
}
