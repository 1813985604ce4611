import type { RecordedColumn } from '@/lib/db/schema';
import { parseRowDescription } from './result-messages';

/** The longest recorded cell; longer values are cut and say how long they were. */
const MAX_CELL_CHARS = 2000;

/**
 * The first rows of a statement's result exactly as the caller received them (after masking), kept
 * for replay; `limit` is the target's recordingRows. Only rows under the limit are decoded.
 */
export type ResultCapture = {
  limit: number;
  columns: RecordedColumn[] | null;
  rows: (string | null)[][];
  truncated: boolean;
  masked: boolean;
};

export function newResultCapture(limit: number): ResultCapture {
  return { limit, columns: null, rows: [], truncated: false, masked: false };
}

function describeColumns(rowDescription: Buffer): RecordedColumn[] {
  return parseRowDescription(rowDescription).map((f) => ({ name: f.name, typeOid: f.typeOid }));
}

/**
 * Records one DataRow payload (as sent to the client) when the capture still has room; the result's
 * RowDescription payload is parsed once, at the first recorded row.
 */
export function captureRow(capture: ResultCapture, payload: Buffer, description: Buffer | null): void {
  if (capture.rows.length >= capture.limit) {
    capture.truncated = true;
    return;
  }
  if (!capture.columns && description) capture.columns = describeColumns(description);
  const count = payload.readInt16BE(0);
  const row: (string | null)[] = new Array(count);
  let offset = 2;
  for (let i = 0; i < count; i++) {
    const length = payload.readInt32BE(offset);
    offset += 4;
    row[i] = length < 0 ? null : cellText(payload.subarray(offset, offset + length));
    offset += Math.max(0, length);
  }
  capture.rows.push(row);
}

/** Text as text; anything that is not printable UTF-8 (binary-format values) as \x hex, like bytea. */
function cellText(value: Buffer): string {
  const text = value.toString('utf8');
  const readable = !text.includes('\uFFFD') && !/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(text);
  const shown = readable ? text : `\\x${value.toString('hex')}`;
  if (shown.length <= MAX_CELL_CHARS) return shown;
  // Never cut a surrogate pair in two: a lone half would not survive the store and break the record's hash.
  const cut = /[\uD800-\uDBFF]/.test(shown[MAX_CELL_CHARS - 1]!) ? MAX_CELL_CHARS - 1 : MAX_CELL_CHARS;
  return `${shown.slice(0, cut)}… (${value.length} bytes)`;
}

export function capturedOutcome(capture: ResultCapture) {
  return {
    masked: capture.masked,
    columns: capture.columns,
    rows: capture.columns || capture.rows.length ? capture.rows : null,
    rowsTruncated: capture.truncated,
  };
}
