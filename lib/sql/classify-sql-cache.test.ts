import { beforeAll, describe, expect, it } from 'vitest';
import { classifySql, initSqlParser } from './classify-sql';

beforeAll(() => initSqlParser());

describe('classifySql cache', () => {
  it('shares a classification between statements that differ only in numbers, each with its own text', () => {
    const a = classifySql('SELECT * FROM literal_probe WHERE id = 1');
    const b = classifySql('SELECT * FROM literal_probe WHERE id = 42');
    expect(b.ok && a.ok && b.statements[0]!.text).toBe('SELECT * FROM literal_probe WHERE id = 42');
    expect(b.ok && a.ok && b.statements[0]!.tables).toEqual(['public.literal_probe']);
    const c = classifySql('SELECT * FROM literal_probe WHERE id = 7;  ');
    expect(c.ok && c.statements[0]!.text).toBe('SELECT * FROM literal_probe WHERE id = 7');
    const fresh = classifySql('SELECT * FROM literal_probe_fresh WHERE id = 7;  ');
    expect(fresh.ok && fresh.statements[0]!.text).toBe('SELECT * FROM literal_probe_fresh WHERE id = 7');
  });

  it('never lets EXPLAIN (ANALYZE 0) lend its classification to EXPLAIN (ANALYZE 1)', () => {
    const dry = classifySql('EXPLAIN (ANALYZE 0) DELETE FROM literal_probe WHERE id = 1');
    const wet = classifySql('EXPLAIN (ANALYZE 1) DELETE FROM literal_probe WHERE id = 1');
    expect(dry.ok && dry.kinds).toEqual(['read']);
    expect(wet.ok && wet.kinds).toEqual(['write']);
  });

  it('serves the same text from the cache, frozen', () => {
    const first = classifySql('SELECT * FROM cache_probe');
    expect(classifySql('SELECT * FROM cache_probe')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    if (first.ok) expect(() => first.flags.push('drop')).toThrow(TypeError);
  });
});
