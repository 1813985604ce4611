import { beforeAll, describe, expect, it } from 'vitest';
import { classifySql, initSqlParser } from '../sql/classify-sql';
import type { CompiledMasking } from './compile-masking';
import { buildCatalog, EMPTY_CATALOG } from './masking-catalog';
import type { MaskingRule } from './masking-schema';
import { statementMasking } from './statement-masking';

beforeAll(() => initSqlParser());

const rule = (column: string, strict = false): MaskingRule => ({ id: column, name: column, enabled: true, strict, match: { type: 'column', column }, strategy: { type: 'redact' } });
const RULES = [rule('public.customers.email'), rule('public.customers.national_id', true)];
const masking: CompiledMasking = { columnRules: new Map(RULES.map((r) => [r.id, r])), exemptColumns: new Set(), detectors: [], hashKey: Buffer.alloc(32), isEmpty: false };
const catalog = buildCatalog(
  RULES.map((r) => r.id),
  [{ tableOid: 900, attnum: 1, column: { key: 'public.contacts.address', sources: ['public.customers.email'], isPlain: true } }],
  [900],
);

function analyse(sql: string) {
  const c = classifySql(sql);
  if (!c.ok) throw new Error(c.error);
  return statementMasking(c.statements, masking, catalog);
}

describe('statementMasking', () => {
  it.each([
    ['select email from customers', ['public.customers.email']],
    ['select upper(c.email) from customers c', ['public.customers.email']],
    ['select * from customers', ['public.customers.email', 'public.customers.national_id']],
    ['select row_to_json(c) from customers c', ['public.customers.email', 'public.customers.national_id']],
    ['select email from sales.customers', ['public.customers.email']],
    ['select id, city from customers', []],
    ['select email from orders', []],
    ['select upper(address) from contacts', ['public.customers.email']],
    ['fetch all from cur', ['public.customers.email', 'public.customers.national_id']],
    ['execute leak', ['public.customers.email', 'public.customers.national_id']],
    ['select my_function()', ['public.customers.email', 'public.customers.national_id']],
  ])('%s reads %j', (sql, touched) => {
    expect(analyse(sql).touched.map((r) => r.id).sort()).toEqual([...touched].sort());
  });

  it.each([
    "select id from customers where national_id = 'x'",
    'select id from customers order by national_id',
    'select count(*) from customers group by national_id',
    'select a.id from customers a join customers b on a.national_id = b.national_id',
    'select id from customers where id in (select id from customers where national_id like \'A%\')',
  ])('refuses a strict column used to filter, join, group or sort: %s', (sql) => {
    expect(analyse(sql).refusal?.message).toMatch(/public\.customers\.national_id is masked .* may not be used to filter, join, group or sort/);
  });

  it('lets a non-strict masked column be filtered on, and a strict one be selected', () => {
    expect(analyse("select id from customers where email = 'x'").refusal).toBeNull();
    expect(analyse('select national_id from customers').refusal).toBeNull();
  });

  it('refuses COPY of masked columns, and binary COPY where detectors apply', () => {
    expect(analyse('copy customers to stdout').refusal?.message).toMatch(/COPY \.\.\. TO would read masked columns/);
    expect(analyse('copy (select email from customers) to stdout').refusal).not.toBeNull();
    expect(analyse('copy customers (id) to stdout').refusal).toBeNull();
    const withDetectors = { ...masking, columnRules: new Map(), detectors: [{ ruleId: 'd', detector: { name: 'x', label: 'x', find: () => [] }, strategy: { type: 'redact' as const } }] };
    const c = classifySql('copy orders to stdout (format binary)');
    if (!c.ok) throw new Error(c.error);
    expect(statementMasking(c.statements, withDetectors, EMPTY_CATALOG).refusal?.message).toMatch(/binary COPY/);
  });

  it('judges rule-named columns by name even before the catalog has seen them', () => {
    const c = classifySql('select upper(email) from customers');
    if (!c.ok) throw new Error(c.error);
    expect(statementMasking(c.statements, masking, EMPTY_CATALOG).touched).toHaveLength(1);
  });
});
