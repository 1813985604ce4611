import { describe, expect, it } from 'vitest';
import type { CompiledMasking } from '@/lib/masking/compile-masking';
import { EMPTY_CATALOG } from '@/lib/masking/masking-catalog';
import type { MaskingRule } from '@/lib/masking/masking-schema';
import { MessageWriter } from './message-writer';
import { Backend } from './message-codes';
import { maskDataRow, MaskingFailure, planFromDescription } from './result-masker';
import type { MaskingState } from './session-masking';

const rule: MaskingRule = { id: 'r', name: 'R', enabled: true, match: { type: 'column', column: 'public.t.secret' }, strategy: { type: 'redact' } };

function state(detectorFind: (text: string) => { start: number; end: number }[]): MaskingState {
  const masking: CompiledMasking = {
    columnRules: new Map([['public.t.secret', rule]]),
    exemptColumns: new Set(),
    detectors: [{ ruleId: 'd', detector: { name: 'custom', label: 'thing', find: detectorFind }, strategy: { type: 'redact' } }],
    hashKey: Buffer.alloc(32),
    isEmpty: false,
  };
  return { statement: { touched: [rule], refusal: null }, masking, catalog: EMPTY_CATALOG, fields: null, plan: null, maskers: null, copyFormat: null };
}

const description = (names: string[]) => {
  const w = new MessageWriter().int16(names.length);
  for (const n of names) w.cstring(n).int32(0).int16(0).int32(25).int16(-1).int32(-1).int16(0);
  return w.build(Backend.RowDescription).subarray(5);
};

const row = (values: (string | null)[]) => {
  const w = new MessageWriter().int16(values.length);
  for (const v of values) (v === null ? w.int32(-1) : w.int32(Buffer.byteLength(v)).bytes(Buffer.from(v)));
  const raw = w.build(Backend.DataRow);
  return { type: Backend.DataRow, payload: raw.subarray(5), raw };
};

describe('maskDataRow', () => {
  it('refuses a row that arrives before any description, or with another number of columns', () => {
    const s = state(() => []);
    expect(() => maskDataRow(s, row(['a']))).toThrow(MaskingFailure);
    planFromDescription(s, description(['a', 'b']));
    expect(() => maskDataRow(s, row(['a']))).toThrow(/different number of columns/);
  });

  it('refuses a cell that runs past the end of its message', () => {
    const s = state(() => []);
    planFromDescription(s, description(['a']));
    const r = row(['abcdef']);
    expect(() => maskDataRow(s, { ...r, payload: r.payload.subarray(0, r.payload.length - 2) })).toThrow(/runs past the end/);
  });

  it('redacts a computed column of a statement that reads masked columns, and a cell whose detector throws', () => {
    const s = state(() => {
      throw new Error('detector bug');
    });
    s.statement = { touched: [], refusal: null };
    planFromDescription(s, description(['free text']));
    const out = maskDataRow(s, row(['a value long enough to scan']));
    expect(out.subarray(5).toString()).toContain('[redacted]');
    expect(out.subarray(5).toString()).not.toContain('a value');
  });

  it('relays an unchanged row as the very same bytes, NULLs included', () => {
    const s = state(() => []);
    s.statement = { touched: [], refusal: null };
    planFromDescription(s, description(['a', 'b']));
    const r = row(['plain', null]);
    expect(maskDataRow(s, r)).toBe(r.raw);
  });
});
