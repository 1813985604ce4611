import { expect, it } from 'vitest';
import { classifySql } from './classify-sql';

// A file of its own: the parser module is loaded once per test file and never unloaded.
it('throws a clear error when initSqlParser was not awaited', () => {
  expect(() => classifySql('SELECT 1')).toThrow(/await initSqlParser\(\)/);
});
