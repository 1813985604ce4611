import { beforeAll, describe, expect, it } from 'vitest';
import { classifySql, initSqlParser } from './classify-sql';

beforeAll(() => initSqlParser());

function uses(sql: string) {
  const c = classifySql(sql);
  if (!c.ok) throw new Error(c.error);
  return c.statements[0]!.uses;
}

describe('columnUses', () => {
  it.each([
    ['select email from customers', ['email'], []],
    ['select c.email as e from customers c', ['email'], []],
    ['select upper(email) || \'\' from customers', ['email'], []],
    ['select * from customers', ['*'], []],
    ['select c.* from customers c', ['*'], []],
    ['select id from customers where email like \'a%\'', ['id', 'email'], ['email']],
    ['select count(*) from customers group by email', ['email'], ['email']],
    ['select id from customers order by phone', ['id', 'phone'], ['phone']],
    ['select a.id from customers a join orders o on o.email = a.email', ['id', 'email'], ['email']],
    ['select row_number() over (partition by card_number) from customers', ['card_number'], ['card_number']],
    ['with x as (select email from customers) select * from x', ['email', '*'], []],
    ['select id from customers where id in (select id from customers where ssn = \'1\')', ['id', 'ssn'], ['id', 'ssn']],
  ])('%s', (sql, names, predicate) => {
    const u = uses(sql);
    expect(new Set(u.names)).toEqual(new Set(names));
    expect(new Set(u.predicateNames)).toEqual(new Set(predicate));
  });

  it('maps aliases to relations, for whole-row reads like row_to_json(c)', () => {
    const u = uses('select row_to_json(c) from sales.customers c');
    expect(u.names).toContain('c');
    expect(u.aliases).toContainEqual(['c', 'sales.customers']);
    expect(u.aliases).toContainEqual(['customers', 'sales.customers']);
  });

  it('reads COPY: a table without a column list is a whole-row read, and the format is kept', () => {
    expect(uses('copy customers to stdout')).toMatchObject({ names: ['*'], copyTo: { format: 'text' } });
    expect(uses('copy customers (email) to stdout with (format binary)')).toMatchObject({ copyTo: { format: 'binary' } });
    expect(uses('copy customers to stdout csv').copyTo).toEqual({ format: 'csv' });
    expect(uses('copy (select email from customers) to stdout').names).toEqual(['email']);
    expect(uses('copy customers from stdin').copyTo).toBeNull();
  });
});
