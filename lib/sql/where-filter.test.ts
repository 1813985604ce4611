import { beforeAll, describe, expect, it } from 'vitest';
import { fieldsOf } from './ast';
import { initSqlParser, parseStatements } from './pg-parser';
import { isRealFilter } from './where-filter';

beforeAll(() => initSqlParser());

function whereOf(condition: string): unknown {
  const [raw] = parseStatements(`DELETE FROM payments WHERE ${condition}`);
  return fieldsOf(raw?.stmt, 'DeleteStmt')?.whereClause;
}

describe('isRealFilter', () => {
  it.each([
    'id = 1',
    'active',
    'NOT active',
    'id = 1 AND true',
    'id = 1 OR status = $1',
    'id = $1',
    'id IN (SELECT payment_id FROM refunds)',
    'created_at < now() - interval \'30 days\'',
    'id <> other_id',
  ])('%s filters rows', (condition) => expect(isRealFilter(whereOf(condition))).toBe(true));

  it.each([
    'true',
    '1 = 1',
    "'a' = 'a'",
    'NOT false',
    '$1',
    'id = id',
    'lower(email) = lower(email)',
    'id IS NOT DISTINCT FROM id',
    'NOT (id <> id)',
    'id = 1 OR true',
    'true OR id = 1',
    'true AND 1 = 1',
    'EXISTS (SELECT 1)',
    'now() > \'2020-01-01\'',
  ])('%s does not', (condition) => expect(isRealFilter(whereOf(condition))).toBe(false));

  it('a missing WHERE does not', () => expect(isRealFilter(undefined)).toBe(false));
});
