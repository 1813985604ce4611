import { describe, expect, it } from 'vitest';
import { DANGEROUS_FUNCTIONS, isSafeFunction } from './function-safety';

describe('isSafeFunction', () => {
  it.each([
    [['count'], true],
    [['pg_catalog', 'lower'], true],
    [['myschema', 'lower'], false],
    [['db', 'pg_catalog', 'lower'], false],
    [['delete_everything'], false],
    [['pg_catalog', 'set_config'], false],
    [[], false],
  ])('%j -> %s', (parts, expected) => expect(isSafeFunction(parts)).toBe(expected));

  it.each(DANGEROUS_FUNCTIONS)('never lists the dangerous built-in %s as safe', (name) => {
    expect(isSafeFunction([name])).toBe(false);
  });
});
