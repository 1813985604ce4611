import { describe, expect, it } from 'vitest';
import { csvField, csvLine } from './audit-csv';
import { parseCsv } from './audit-test-fixtures';

describe('CSV fields', () => {
  it.each<[string, string | number | boolean | null, string]>([
    ['plain text as it is', 'select 1', 'select 1'],
    ['a comma quoted', 'a,b', '"a,b"'],
    ['quotes doubled', 'say "hi"', '"say ""hi"""'],
    ['a line break quoted', 'select 1\nfrom t', '"select 1\nfrom t"'],
    ['a formula with =', '=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['a formula with +', '+1+2', "'+1+2"],
    ['a formula with -, like a SQL comment', '-- note', "'-- note"],
    ['a formula with @', '@SUM(A1)', "'@SUM(A1)"],
    ['a leading tab', '\t=1', "'\t=1"],
    ['numbers unchanged, even negative', -3, '-3'],
    ['booleans', true, 'true'],
    ['null as empty', null, ''],
  ])('writes %s', (_label, value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('ends lines with CRLF and reads back field for field', () => {
    const cells = ['a,b', 'say "hi"', 'two\r\nlines', "=1+1", ''];
    const line = csvLine(cells);
    expect(line.endsWith('\r\n')).toBe(true);
    expect(parseCsv(line)).toEqual([['a,b', 'say "hi"', 'two\r\nlines', "'=1+1", '']]);
  });
});
