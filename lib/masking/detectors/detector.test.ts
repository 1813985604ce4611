import { describe, expect, it } from 'vitest';
import { hasDigits, matchSpans } from './detector';

const texts = (text: string, regex: RegExp, accept?: Parameters<typeof matchSpans>[2]) => matchSpans(text, regex, accept).map((s) => text.slice(s.start, s.end));

describe('matchSpans', () => {
  it.each([
    ['a1 b22 c333', /\d+/g, ['1', '22', '333']],
    ['none here', /\d+/g, []],
    ['', /\d+/g, []],
    ['x😀y', /x*/gu, ['x']],
    ['😀😀a😀', /a?/gu, ['a']],
    ['😀😀', /(?:)/gu, []],
  ] as const)('%j with %s', (text, regex, expected) => {
    expect(texts(text, regex)).toEqual(expected);
  });

  it('starts over on every call, whatever a previous call left in lastIndex', () => {
    const regex = /\d/g;
    regex.lastIndex = 3;
    expect(texts('1234', regex)).toEqual(['1', '2', '3', '4']);
    expect(texts('56', regex)).toEqual(['5', '6']);
  });

  it('keeps what accept vouches for: nothing, a shorter span or several', () => {
    expect(texts('12 345 6789', /\d+/g, (m, start) => (m.length > 2 ? { start, end: start + 2 } : null))).toEqual(['34', '67']);
    expect(texts('ab', /ab/g, (_m, start) => [{ start, end: start + 1 }, { start: start + 1, end: start + 2 }])).toEqual(['a', 'b']);
  });
});

describe('hasDigits', () => {
  it.each([
    ['', 1, false],
    ['abc', 1, false],
    ['a1b2c3', 3, true],
    ['a1b2c3', 4, false],
    ['٣٤٥', 1, false],
    ['2024-01-15', 8, true],
  ] as const)('%j has %i digits: %s', (text, n, expected) => {
    expect(hasDigits(text, n)).toBe(expected);
  });
});
