import { describe, expect, it } from 'vitest';
import { jwtDetector } from './jwt';

const found = (text: string) => jwtDetector.find(text).map((s) => text.slice(s.start, s.end));
const signed = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const unsigned = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.';

describe('jwtDetector', () => {
  it.each<[string, string[]]>([
    [signed, [signed]],
    [`Authorization: Bearer ${signed}`, [signed]],
    [`{"token":"${signed}"}`, [signed]],
    [`alg none ${unsigned} end`, [unsigned]],
    [`${signed} ${unsigned}`, [signed, unsigned]],
  ])('finds %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    'eyJhbGciOiJIUzI1NiJ9',
    'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0',
    'eyJ.eyJ.x',
    'eyJhbGciOiJIUzI1NiJ9.payload.signature',
    'abc.def.ghi',
    'hey Jude',
    '',
  ])('finds nothing in %j', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('reads a long run of eyJ without dots in one pass, not once per eyJ', () => {
    expect(found('eyJ'.repeat(400_000))).toEqual([]);
    expect(found(`x${'eyJ'.repeat(1_000)}.eyJzdWIiOiIxIn0.sig`)).toEqual([`${'eyJ'.repeat(1_000)}.eyJzdWIiOiIxIn0.sig`]);
  });
});
