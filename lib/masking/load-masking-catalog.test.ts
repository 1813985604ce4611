import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEnv } from '../env';
import { initSqlParser } from '../sql/classify-sql';
import { createScratchTarget, dropScratchTarget, type ScratchTarget } from '../../test/scratch-target';
import { loadMaskingCatalog } from './load-masking-catalog';
import { attributeKey, type MaskingCatalog } from './masking-catalog';
import type { MaskingRule } from './masking-schema';

let target: ScratchTarget;
let sql: postgres.Sql;

const rule = (column: string): MaskingRule => ({ id: column, name: column, enabled: true, match: { type: 'column', column }, strategy: { type: 'redact' } });

beforeAll(async () => {
  await initSqlParser();
  target = await createScratchTarget(getEnv().DATABASE_URL);
  await target.seed(`
    create table customers (id int, email text, phone text, city text);
    create schema sales;
    create table sales.customers (id int, email text);
    create view contacts as select id, email, upper(phone) as phone_up, city from customers;
    create view contacts_again as select id, email as mail, city from contacts;
    create view everything as select c as whole, id from customers c;
    create view unioned as select email from customers union select 'x';
    create materialized view mails as select lower(email) as e, id from customers;
  `);
  sql = postgres(target.url, { max: 1, onnotice: () => {} });
});

afterAll(async () => {
  await sql?.end();
  if (target) await dropScratchTarget(target);
});

async function columnOf(catalog: MaskingCatalog, relation: string, column: string) {
  const [row] = await sql<{ oid: number; attnum: number }[]>`
    select c.oid::int as oid, a.attnum::int as attnum from pg_attribute a join pg_class c on c.oid = a.attrelid
    where c.oid = ${relation}::regclass and a.attname = ${column}`;
  return catalog.byAttribute.get(attributeKey(row!.oid, row!.attnum));
}

describe('loadMaskingCatalog', () => {
  it('finds rule-named columns by OID and attribute number, in their own schema only', async () => {
    const catalog = await loadMaskingCatalog(sql, [rule('public.customers.email')]);
    expect(await columnOf(catalog, 'public.customers', 'email')).toEqual({ key: 'public.customers.email', sources: ['public.customers.email'], isPlain: true });
    expect(await columnOf(catalog, 'sales.customers', 'email')).toBeUndefined();
    expect(await columnOf(catalog, 'public.customers', 'city')).toBeUndefined();
    expect(catalog.keys.has('public.customers.email')).toBe(true);
  });

  it('follows views: plain references stay plain, expressions are computed, a view of a view is found', async () => {
    const catalog = await loadMaskingCatalog(sql, [rule('public.customers.email'), rule('public.customers.phone')]);
    expect(await columnOf(catalog, 'contacts', 'email')).toMatchObject({ sources: ['public.customers.email'], isPlain: true });
    expect(await columnOf(catalog, 'contacts', 'phone_up')).toMatchObject({ sources: ['public.customers.phone'], isPlain: false });
    expect(await columnOf(catalog, 'contacts', 'city')).toBeUndefined();
    expect(await columnOf(catalog, 'contacts_again', 'mail')).toMatchObject({ sources: ['public.customers.email'], isPlain: true });
    expect(await columnOf(catalog, 'contacts_again', 'city')).toBeUndefined();
    expect(await columnOf(catalog, 'mails', 'e')).toMatchObject({ sources: ['public.customers.email'], isPlain: false });
    expect(await columnOf(catalog, 'mails', 'id')).toBeUndefined();
  });

  it('treats whole-row references and set operations as reading every masked column', async () => {
    const catalog = await loadMaskingCatalog(sql, [rule('public.customers.email')]);
    expect(await columnOf(catalog, 'everything', 'whole')).toMatchObject({ sources: ['public.customers.email'], isPlain: false });
    expect(await columnOf(catalog, 'unioned', 'email')).toMatchObject({ isPlain: false });
  });

  it('knows every relation OID, so a result from a relation created later is recognised as unknown', async () => {
    const catalog = await loadMaskingCatalog(sql, [rule('public.customers.email')]);
    const [row] = await sql<{ oid: number }[]>`select 'public.customers'::regclass::oid::int as oid`;
    const oid = row!.oid;
    expect(catalog.relationOids.has(oid)).toBe(true);
  });

  it('reads nothing without column rules', async () => {
    const catalog = await loadMaskingCatalog(sql, []);
    expect(catalog.byAttribute.size).toBe(0);
  });
});
