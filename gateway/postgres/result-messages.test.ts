import { describe, expect, it } from 'vitest';
import { MessageWriter } from './message-writer';
import { Backend } from './message-codes';
import { mapDataRow, mapNoticeFields, parseRowDescription, retypeRowDescription } from './result-messages';
import { parseNoticeFields } from './backend-messages';

function rowDescription(fields: { name: string; tableOid: number; attnum: number; typeOid: number; format: number }[]): Buffer {
  const w = new MessageWriter().int16(fields.length);
  for (const f of fields) w.cstring(f.name).int32(f.tableOid | 0).int16(f.attnum).int32(f.typeOid | 0).int16(4).int32(-1).int16(f.format);
  return w.build(Backend.RowDescription).subarray(5);
}

function dataRow(values: (string | null)[]): Buffer {
  const w = new MessageWriter().int16(values.length);
  for (const v of values) {
    if (v === null) w.int32(-1);
    else w.int32(Buffer.byteLength(v)).bytes(Buffer.from(v));
  }
  return w.build(Backend.DataRow).subarray(5);
}

const FIELDS = [
  { name: 'id', tableOid: 16384, attnum: 1, typeOid: 23, format: 1 },
  { name: 'ç-mail', tableOid: 16384, attnum: 2, typeOid: 1043, format: 0 },
  { name: 'n', tableOid: 0, attnum: 0, typeOid: 1700, format: 0 },
];

describe('result messages', () => {
  it('parses a RowDescription, OIDs unsigned', () => {
    expect(parseRowDescription(rowDescription([...FIELDS, { name: 'big', tableOid: 4_000_000_000, attnum: 3, typeOid: 25, format: 0 }]))).toEqual([
      ...FIELDS,
      { name: 'big', tableOid: 4_000_000_000, attnum: 3, typeOid: 25, format: 0 },
    ]);
  });

  it('retypes only the chosen columns as text, keeping names, origins and formats', () => {
    const out = retypeRowDescription(rowDescription(FIELDS), [false, true, true]);
    expect(out[0]).toBe(Backend.RowDescription);
    expect(out.readInt32BE(1)).toBe(out.length - 1);
    const fields = parseRowDescription(out.subarray(5));
    expect(fields.map((f) => [f.name, f.typeOid, f.tableOid, f.format])).toEqual([
      ['id', 23, 16384, 1],
      ['ç-mail', 25, 16384, 0],
      ['n', 25, 0, 0],
    ]);
  });

  it('rewrites only changed cells, NULLs included, and returns null when nothing changed', () => {
    const payload = dataRow(['1', 'alice@example.com', null, '']);
    expect(mapDataRow(payload, (_i, v) => v)).toBeNull();
    const out = mapDataRow(payload, (i, v) => (i === 1 ? Buffer.from('[redacted]') : i === 3 ? null : v))!;
    expect(out.subarray(5)).toEqual(dataRow(['1', '[redacted]', null, null]));
    expect(out.readInt32BE(1)).toBe(out.length - 1);
  });

  it('refuses a DataRow whose cell runs past its end', () => {
    const payload = dataRow(['abc']);
    expect(() => mapDataRow(payload.subarray(0, payload.length - 1), (_i, v) => v)).toThrow(/past the end/);
  });

  it('maps the value-bearing fields of an error and drops the ones mapped to null', () => {
    const fields = { S: 'ERROR', C: '22P02', M: 'invalid input syntax for type integer: "alice@example.com"', D: 'detail', s: 'public' };
    const out = mapNoticeFields(Backend.ErrorResponse, fields, (key, text) => (key === 'M' ? 'withheld' : key === 'D' ? null : text))!;
    expect(parseNoticeFields(out.subarray(5))).toEqual({ S: 'ERROR', C: '22P02', M: 'withheld', s: 'public' });
  });
});
