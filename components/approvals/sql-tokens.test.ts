import { describe, expect, it } from 'vitest';
import { tokenizeSql } from './sql-tokens';

const kinds = (sql: string) => tokenizeSql(sql).filter((t) => t.kind !== 'text').map((t) => [t.kind, t.text]);

describe('tokenizeSql', () => {
  it('finds keywords, strings, numbers, parameters and comments', () => {
    expect(kinds("SELECT * FROM t WHERE a = 'x''y' AND b > 1.5e3 -- note\nLIMIT $1")).toEqual([
      ['keyword', 'SELECT'],
      ['keyword', 'FROM'],
      ['keyword', 'WHERE'],
      ['string', "'x''y'"],
      ['keyword', 'AND'],
      ['number', '1.5e3'],
      ['comment', '-- note'],
      ['keyword', 'LIMIT'],
      ['parameter', '$1'],
    ]);
  });

  it('handles dollar quotes, escape strings, quoted identifiers and nested comments', () => {
    expect(kinds(`select $fn$ it's 'odd' $fn$, E'a\\'b', "Select" /* a /* b */ c */ x`)).toEqual([
      ['keyword', 'select'],
      ['string', "$fn$ it's 'odd' $fn$"],
      ['string', "E'a\\'b'"],
      ['identifier', '"Select"'],
      ['comment', '/* a /* b */ c */'],
    ]);
  });

  it('keeps every character, including unterminated input and markup', () => {
    for (const sql of ["select 'open", '/* open', '$x$ open', '<script>alert(1)</script>', 'tbl1_2 x1', '']) {
      expect(tokenizeSql(sql).map((t) => t.text).join('')).toBe(sql);
    }
    expect(kinds('tbl1_2 x1')).toEqual([]);
  });
});
