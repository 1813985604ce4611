import { describe, expect, it } from 'vitest';
import { regexDetector } from './regex-detector';

const found = (pattern: string, text: string) => regexDetector(pattern).find(text).map((s) => text.slice(s.start, s.end));

describe('regexDetector', () => {
  it.each<[string, string, string[]]>([
    ['ORD-\\d{6}', 'orders ORD-123456 and ORD-654321', ['ORD-123456', 'ORD-654321']],
    ['ORD-\\d{6}', 'ORD-12345 is too short', []],
    ['ACME-[0-9]{6}', 'nothing to see', []],
    ['\\p{Lu}{3}-\\d+', 'ÄÖÜ-42 and abc-1', ['ÄÖÜ-42']],
    ['.', '😀', ['😀']],
    ['x*', 'a😀x😀xx', ['x', 'xx']],
    ['\\b', 'word boundary only', []],
    ['(?:)', '😀😀😀', []],
  ])('/%s/ in %j finds %j', (pattern, text, expected) => {
    expect(found(pattern, text)).toEqual(expected);
  });

  it('labels its findings as a match and keeps no state between texts', () => {
    const detector = regexDetector('\\d{3}');
    expect(detector).toMatchObject({ name: 'regex', label: 'match' });
    expect(detector.find('123 456')).toEqual([{ start: 0, end: 3 }, { start: 4, end: 7 }]);
    expect(detector.find('789')).toEqual([{ start: 0, end: 3 }]);
  });

  it('refuses a pattern that does not compile, and what RE2 cannot run in linear time', () => {
    expect(() => regexDetector('(unclosed')).toThrow(/missing closing/);
    expect(() => regexDetector('(?<=a)b')).toThrow();
    expect(() => regexDetector('(a)\\1')).toThrow();
  });

  it('runs a pattern that would backtrack for ever on a backtracking engine in linear time', () => {
    const text = `${'a'.repeat(20_000)}!`;
    const started = performance.now();
    expect(regexDetector('(a+)+$').find(text)).toEqual([]);
    // Generous on purpose: a backtracking engine takes years here, not seconds.
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
