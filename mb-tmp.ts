import { compileMasking } from './lib/masking/compile-masking';
import { DETECTORS, type MaskingRule } from './lib/masking/masking-schema';
import { buildCatalog } from './lib/masking/masking-catalog';
import { planResult } from './lib/masking/plan-result';
import { maskDataRow } from './gateway/postgres/result-masker';
import { MessageWriter } from './gateway/postgres/message-writer';
const RULES: MaskingRule[] = [
  { id: 'email', name: 'E-mail', enabled: true, match: { type: 'column', column: 'public.customers.email' }, strategy: { type: 'email-domain' } },
  { id: 'phone', name: 'Phone', enabled: true, match: { type: 'column', column: 'public.customers.phone' }, strategy: { type: 'keep-last', n: 4 } },
  { id: 'card', name: 'Card', enabled: true, match: { type: 'column', column: 'public.customers.card_number' }, strategy: { type: (process.env.S ?? 'hash') as 'hash' } },
  ...DETECTORS.map((d): MaskingRule => ({ id: `d-${d}`, name: d, enabled: true, match: { type: 'detector', detector: d }, strategy: { type: 'redact' } })),
];
const masking = compileMasking(RULES, { userId: 'u', role: 'user', tokenId: null }, Buffer.alloc(32));
const cols = ['id', 'full_name', 'email', 'phone', 'card_number', 'city', 'notes', 'amount', 'created_at', 'status'];
const types = [23, 25, 25, 25, 25, 25, 25, 1700, 1184, 25];
const catalog = buildCatalog(['public.customers.email', 'public.customers.phone', 'public.customers.card_number'], [
  { tableOid: 1, attnum: 3, column: { key: 'public.customers.email', sources: ['public.customers.email'], isPlain: true } },
  { tableOid: 1, attnum: 4, column: { key: 'public.customers.phone', sources: ['public.customers.phone'], isPlain: true } },
  { tableOid: 1, attnum: 5, column: { key: 'public.customers.card_number', sources: ['public.customers.card_number'], isPlain: true } },
], [1]);
const fields = cols.map((name, i) => ({ name, tableOid: 1, attnum: i + 1, typeOid: types[i]!, format: 0 }));
const plan = planResult(fields, masking, catalog, { touched: [], refusal: null });
const rows = Array.from({ length: 100000 }, (_, i) => {
  const vals = [String(i), `Customer ${i}`, `customer${i}@example.com`, `+44 7700 900${String(i % 1000).padStart(3, '0')}`, `4000 ${String(i).padStart(12, '0').replace(/(\d{4})(\d{4})(\d{4})/, '$1 $2 $3')}`, 'London', i % 50 ? `order ${i} shipped on time` : `call back about order ${i}, mail ops${i}@corp.test`, String((i % 997) * 1.25), '2025-01-01 10:00:00+00', 'paid'];
  const w = new MessageWriter().int16(vals.length);
  for (const v of vals) w.int32(Buffer.byteLength(v)).bytes(Buffer.from(v));
  const raw = w.build(0x44);
  return { type: 0x44, payload: raw.subarray(5), raw };
});
const state = { statement: { touched: [], refusal: null }, masking, catalog, fields, plan, copyFormat: null };
for (let k = 0; k < 3; k++) {
  const t = performance.now();
  for (const r of rows) maskDataRow(state, r);
  console.log('per row', ((performance.now() - t) / rows.length * 1000).toFixed(2), 'us');
}
const only = (rules: MaskingRule[]) => {
  const m = compileMasking(rules, { userId: 'u', role: 'user', tokenId: null }, Buffer.alloc(32));
  const pl = planResult(fields, m, catalog, { touched: [], refusal: null });
  const st = { ...state, masking: m, plan: pl };
  const t = performance.now();
  for (const r of rows) maskDataRow(st, r);
  return ((performance.now() - t) / rows.length * 1000).toFixed(2);
};
console.log('columns only', only(RULES.slice(0, 3)), 'detectors only', only(RULES.slice(3)), 'email det only', only([RULES[3]!]));
console.log('columns only', only(RULES.slice(0, 3)), 'detectors only', only(RULES.slice(3)), 'email det only', only([RULES[3]!]));
