import type { CompiledMasking } from '@/lib/masking/compile-masking';
import { maskCell } from '@/lib/masking/mask-cell';
import { maskText } from '@/lib/masking/mask-text';
import { planResult } from '@/lib/masking/plan-result';
import type { Frame } from './message-buffer';
import { parseNoticeFields } from './backend-messages';
import { copyOutFormat, frame, mapDataRow, mapNoticeFields, mapNotification, parseRowDescription, retypeRowDescription } from './result-messages';
import type { MaskingState } from './session-masking';

/**
 * Masking applied to what the server sends, message by message and cell by cell: nothing is
 * buffered beyond the message at hand. Every function returns the bytes for the client, the
 * frame's own when nothing changed. A failure throws: the session ends rather than relay a value
 * it could not mask.
 */
export class MaskingFailure extends Error {
  constructor(message: string) {
    super(`masking failed: ${message}`);
    this.name = 'MaskingFailure';
  }
}

export function planFromDescription(state: MaskingState, payload: Buffer): boolean {
  const fields = parseRowDescription(payload);
  state.fields = fields;
  state.plan = planResult(fields, state.masking, state.catalog, state.statement);
  return state.plan.isCatalogStale;
}

/** Masked columns are described as text: their values are masking marks, whatever the column's type. */
export function describedForClient(state: MaskingState, raw: Buffer, payload: Buffer): Buffer {
  const cells = state.plan?.cells ?? [];
  const asText = cells.map((c) => c.kind === 'mask');
  return asText.some(Boolean) ? retypeRowDescription(payload, asText) : raw;
}

export function maskDataRow(state: MaskingState, f: Frame): Buffer {
  const { plan, fields } = state;
  if (!plan || !fields) throw new MaskingFailure('a row arrived without a description of its columns');
  if (plan.isPassThrough) return f.raw;
  const masked = mapDataRow(f.payload, (i, value) => {
    const cell = plan.cells[i];
    const field = fields[i];
    if (!cell || !field) throw new MaskingFailure('a row has more columns than its description');
    return maskCell(cell, value, field.format, field.typeOid, state.masking);
  });
  return masked ?? f.raw;
}

export function noteCopyOut(state: MaskingState, payload: Buffer): void {
  state.copyFormat = copyOutFormat(payload);
  if (state.copyFormat !== 0) throw new MaskingFailure('binary COPY output cannot be masked');
}

/** COPY text and CSV send one row per CopyData: detectors run over the whole line. */
export function maskCopyData(state: MaskingState, f: Frame): Buffer {
  if (state.copyFormat !== 0) throw new MaskingFailure('COPY data arrived outside a text COPY');
  if (state.masking.detectors.length === 0) return f.raw;
  const line = f.payload.toString('utf8');
  const masked = maskText(line, state.masking.detectors, { hashKey: state.masking.hashKey });
  return masked === line ? f.raw : frame(f.type, Buffer.from(masked, 'utf8'));
}

/**
 * Errors and notices can quote values (`invalid input syntax for type integer: "alice@…"`, a
 * unique violation's DETAIL, RAISE NOTICE). For a statement that reads masked columns the
 * value-bearing fields are withheld; otherwise the detectors run over them.
 */
export function maskNotice(state: MaskingState | null, masking: CompiledMasking, f: Frame): Buffer {
  if (masking.isEmpty) return f.raw;
  const fields = parseNoticeFields(f.payload);
  const isWithheld = (state?.statement.touched.length ?? 0) > 0;
  const ctx = { hashKey: masking.hashKey };
  const mapped = mapNoticeFields(f.type, fields, (key, text) => {
    if (!isWithheld) return maskText(text, masking.detectors, ctx);
    if (key !== 'M') return null;
    return `Gatehouse: message withheld because the statement reads masked columns (SQLSTATE ${fields.C ?? 'unknown'})`;
  });
  return mapped ?? f.raw;
}

export function maskNotificationPayload(masking: CompiledMasking, f: Frame): Buffer {
  if (masking.detectors.length === 0) return f.raw;
  return mapNotification(f.payload, (text) => maskText(text, masking.detectors, { hashKey: masking.hashKey })) ?? f.raw;
}
