import { describe, expect, it } from 'vitest';
import type { CompiledMasking } from './compile-masking';
import { buildCatalog } from './masking-catalog';
import type { MaskingRule } from './masking-schema';
import { planResult, type ResultField } from './plan-result';
import { UNMASKED } from './statement-masking';

const email: MaskingRule = { id: 'email', name: 'E-mail', enabled: true, match: { type: 'column', column: 'public.customers.email' }, strategy: { type: 'email-domain' } };
const detector = { ruleId: 'd', detector: { name: 'email', label: 'email', find: () => [] }, strategy: { type: 'redact' as const } };
const masking = (detectors = false): CompiledMasking => ({
  columnRules: new Map([['public.customers.email', email]]),
  exemptColumns: new Set<string>(),
  detectors: detectors ? [detector] : [],
  hashKey: Buffer.alloc(32),
  isEmpty: false,
});
const catalog = buildCatalog(
  ['public.customers.email'],
  [
    { tableOid: 100, attnum: 2, column: { key: 'public.customers.email', sources: ['public.customers.email'], isPlain: true } },
    { tableOid: 200, attnum: 1, column: { key: 'public.contacts.up', sources: ['public.customers.email'], isPlain: false } },
  ],
  [100, 200, 300],
);
const field = (tableOid: number, attnum: number, typeOid = 25, format = 0): ResultField => ({ name: 'c', tableOid, attnum, typeOid, format });
const touched = { touched: [email], refusal: null };

describe('planResult', () => {
  it('masks a column read straight from a masked column with its rule, whatever its alias', () => {
    const plan = planResult([field(100, 2), field(100, 1)], masking(), catalog, touched);
    expect(plan.cells).toEqual([{ kind: 'mask', strategy: { type: 'email-domain' }, rules: [email], isComputed: false }, { kind: 'pass' }]);
  });

  it('redacts a view column computed from a masked column', () => {
    expect(planResult([field(200, 1)], masking(), catalog, UNMASKED).cells[0]).toMatchObject({ kind: 'mask', strategy: { type: 'redact' }, isComputed: true });
  });

  it('redacts computed columns (OID 0) only when the statement reads masked columns', () => {
    expect(planResult([field(0, 0)], masking(), catalog, touched).cells[0]).toMatchObject({ kind: 'mask', strategy: { type: 'redact' } });
    expect(planResult([field(0, 0)], masking(), catalog, UNMASKED).cells[0]).toEqual({ kind: 'pass' });
  });

  it('redacts columns of a relation the catalog does not know, and asks for a reload', () => {
    const plan = planResult([field(999, 1)], masking(), catalog, UNMASKED);
    expect(plan.cells[0]).toMatchObject({ kind: 'mask', isComputed: true });
    expect(plan.isCatalogStale).toBe(true);
  });

  it('redacts every table column while the catalog predates a rule', () => {
    const newer = masking();
    const phone: MaskingRule = { ...email, id: 'phone', match: { type: 'column', column: 'public.customers.phone' } };
    (newer.columnRules as Map<string, MaskingRule>).set('public.customers.phone', phone);
    const plan = planResult([field(300, 1), field(0, 0)], newer, catalog, UNMASKED);
    expect(plan.cells[0]).toMatchObject({ kind: 'mask' });
    expect(plan.cells[1]).toEqual({ kind: 'pass' });
    expect(plan.isCatalogStale).toBe(true);
  });

  it('runs detectors on text, skips types that cannot hold text, and withholds unreadable binary values', () => {
    const plan = planResult([field(300, 1, 25), field(300, 2, 23), field(300, 3, 1009, 1), field(300, 4, 25, 1)], masking(true), catalog, UNMASKED);
    expect(plan.cells.map((c) => c.kind)).toEqual(['detect', 'pass', 'withhold', 'detect']);
  });

  it('lets a caller exempt from a column see it, detectors included', () => {
    const exempt: CompiledMasking = { ...masking(true), columnRules: new Map(), exemptColumns: new Set(['public.customers.email']) };
    expect(planResult([field(100, 2), field(100, 3)], exempt, catalog, UNMASKED).cells.map((c) => c.kind)).toEqual(['pass', 'detect']);
  });

  it('passes everything through for a caller nothing applies to', () => {
    const plan = planResult([field(100, 2)], { ...masking(), isEmpty: true }, catalog, UNMASKED);
    expect(plan.isPassThrough).toBe(true);
  });
});
