import type { ResultField } from '@/lib/masking/plan-result';
import { Backend } from './message-codes';
import { MessageReader, MessageWriter } from './message-writer';

/** RowDescription: per field name, table OID, attribute number, type OID, type size, type modifier, format. */
export function parseRowDescription(payload: Buffer): ResultField[] {
  const r = new MessageReader(payload);
  const count = r.int16();
  const fields: ResultField[] = [];
  for (let i = 0; i < count; i++) {
    const name = r.cstring();
    const tableOid = r.int32() >>> 0;
    const attnum = r.int16();
    const typeOid = r.int32() >>> 0;
    r.int16();
    r.int32();
    fields.push({ name, tableOid, attnum, typeOid, format: r.int16() });
  }
  return fields;
}

/**
 * The same description with the given columns retyped as text (size -1, no modifier): a masked
 * value is text whatever the column's type, in either format (binary text is its UTF-8 bytes).
 * https://www.postgresql.org/docs/current/protocol-message-formats.html#PROTOCOL-MESSAGE-FORMATS-ROWDESCRIPTION
 */
export function retypeRowDescription(payload: Buffer, asText: readonly boolean[]): Buffer {
  const out = Buffer.from(payload);
  let offset = 2;
  for (let i = 0; i < asText.length; i++) {
    const field = out.indexOf(0, offset) + 1;
    if (field === 0) throw new RangeError('unterminated field name in RowDescription');
    if (asText[i]) {
      out.writeInt32BE(25, field + 6);
      out.writeInt16BE(-1, field + 10);
      out.writeInt32BE(-1, field + 12);
    }
    offset = field + 18;
  }
  return frame(Backend.RowDescription, out);
}

/**
 * Calls `map` on each cell of a DataRow; returns a new frame only if a cell changed, else null.
 * The new frame is written into one allocation: rows are the hot path of a masked result.
 */
export function mapDataRow(payload: Buffer, map: (index: number, value: Buffer | null) => Buffer | null): Buffer | null {
  const count = payload.readInt16BE(0);
  let offset = 2;
  let changed: (Buffer | null)[] | null = null;
  let size = payload.length;
  const starts: number[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const length = payload.readInt32BE(offset);
    starts[i] = offset;
    if (length > 0 && offset + 4 + length > payload.length) throw new RangeError('DataRow cell runs past the end of the message');
    const value = length < 0 ? null : payload.subarray(offset + 4, offset + 4 + length);
    offset += 4 + Math.max(0, length);
    const mapped = map(i, value);
    if (mapped === value) continue;
    changed ??= new Array(count).fill(UNCHANGED);
    changed[i] = mapped;
    size += (mapped?.length ?? 0) - (value?.length ?? 0);
  }
  if (!changed) return null;
  const out = Buffer.allocUnsafe(5 + size);
  out[0] = Backend.DataRow;
  out.writeInt32BE(size + 4, 1);
  out.writeInt16BE(count, 5);
  let at = 7;
  for (let i = 0; i < count; i++) {
    const mapped = changed[i]!;
    const cellStart = starts[i]!;
    if (mapped === UNCHANGED) {
      const length = payload.readInt32BE(cellStart);
      at += payload.copy(out, at, cellStart, cellStart + 4 + Math.max(0, length));
    } else if (mapped === null) {
      at = out.writeInt32BE(-1, at);
    } else {
      at = out.writeInt32BE(mapped.length, at);
      at += mapped.copy(out, at);
    }
  }
  return out;
}

const UNCHANGED = Buffer.alloc(0);

/** CopyOutResponse: overall format 0 (text) or 1 (binary), then per-column formats. */
export function copyOutFormat(payload: Buffer): number {
  return payload[0] ?? 1;
}

/** Fields of ErrorResponse and NoticeResponse that can carry values from the data. */
const VALUE_FIELDS = new Set(['M', 'D', 'H', 'W', 'q', 'P', 'p']);

/** Rebuilds an ErrorResponse or NoticeResponse with its value-bearing fields replaced by `map`. */
export function mapNoticeFields(type: number, fields: Record<string, string>, map: (key: string, text: string) => string | null): Buffer | null {
  const w = new MessageWriter();
  let isChanged = false;
  for (const [key, text] of Object.entries(fields)) {
    const mapped = VALUE_FIELDS.has(key) ? map(key, text) : text;
    if (mapped !== text) isChanged = true;
    if (mapped === null) continue;
    w.byte(key.charCodeAt(0)).cstring(mapped);
  }
  return isChanged ? w.byte(0).build(type) : null;
}

/** NotificationResponse: sending backend's PID, channel, payload. */
export function mapNotification(payload: Buffer, map: (text: string) => string): Buffer | null {
  const r = new MessageReader(payload);
  const pid = r.int32();
  const channel = r.cstring();
  const text = r.cstring();
  const mapped = map(text);
  if (mapped === text) return null;
  return new MessageWriter().int32(pid).cstring(channel).cstring(mapped).build(Backend.NotificationResponse);
}

export function frame(type: number, payload: Buffer): Buffer {
  const header = Buffer.allocUnsafe(5);
  header[0] = type;
  header.writeInt32BE(payload.length + 4, 1);
  return Buffer.concat([header, payload]);
}
