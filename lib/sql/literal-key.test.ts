import { describe, expect, it } from 'vitest';
import { literalKey } from './literal-key';

describe('literalKey', () => {
  it.each([
    ['select * from t where id = 5', 'select * from t where id = 0'],
    ['select 1.5, .5, 1e10, 2.5E-3 from t', 'select 0, 0, 0, 0 from t'],
    ['select * from t1 where c2 = 12 limit 10', 'select * from t1 where c2 = 0 limit 0'],
    ["select '5', \"col 5\", $1, $$ 5 $$ from t where x = 5", "select '5', \"col 5\", $1, $$ 5 $$ from t where x = 0"],
    ['select 5 -- 6\n, /* 7 /* 8 */ 9 */ 10', 'select 0 -- 6\n, /* 7 /* 8 */ 9 */ 0'],
    ['select $tag$ 1 $tag$, 2', 'select $tag$ 1 $tag$, 0'],
    ["select 'it''s 5', 6", "select 'it''s 5', 0"],
  ])('%j -> %j', (sql, key) => expect(literalKey(sql)?.key).toBe(key));

  it('takes one trailing semicolon as the end of the statement', () => {
    expect(literalKey('SELECT abalance FROM pgbench_accounts WHERE aid = 41234;\n')).toEqual({
      key: 'SELECT abalance FROM pgbench_accounts WHERE aid = 0',
      statement: 'SELECT abalance FROM pgbench_accounts WHERE aid = 41234',
    });
  });

  it.each([
    ['no numbers', 'select * from t'],
    ['several statements', 'select 1; select 2'],
    ['two trailing semicolons', 'select 1;;'],
    ['escape string', "select E'\\' 5', 6"],
    ['unicode string', "select U&'5', 6"],
    ['bit string', "select B'101', 6"],
    ['backslash', 'select 5 \\g'],
    ['unterminated string', "select 'abc, 5"],
    ['unterminated identifier', 'select "abc, 5'],
    ['unterminated comment', 'select 5 /* x'],
    ['unterminated dollar quote', 'select $x$ 5'],
    ['number glued to a name', 'select 5abc'],
    ['EXPLAIN, whose options can be numbers', 'explain (analyze 0) select 5'],
    ['ANALYZE', 'analyze t'],
  ])('refuses %s', (_why, sql) => expect(literalKey(sql)).toBeNull());

  it('keeps names that contain digits apart', () => {
    expect(literalKey('select * from t1 where id = 5')?.key).not.toBe(literalKey('select * from t2 where id = 5')?.key);
    expect(literalKey('select * from "t 1" where id = 5')?.key).not.toBe(literalKey('select * from "t 2" where id = 5')?.key);
  });
});
