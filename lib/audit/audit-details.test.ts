import { describe, expect, it } from 'vitest';
import { diffRuleLists, fieldChanges, ruleChangeSummary } from './audit-details';

const rule = (id: string, extra: Record<string, unknown> = {}) => ({ id, name: `Rule ${id}`, enabled: true, ...extra });

describe('audit details', () => {
  it('names the fields that changed, with dates as ISO text and absent values as null', () => {
    const at = new Date('2025-01-31T00:00:00Z');
    expect(fieldChanges({ a: 1, b: 'x', c: null as Date | null }, { a: 1, b: 'y', c: at }, ['a', 'b', 'c'])).toEqual({
      b: { before: 'x', after: 'y' },
      c: { before: null, after: '2025-01-31T00:00:00.000Z' },
    });
  });

  it('diffs rule lists by id, ignoring the key order jsonb hands back', () => {
    const before = [{ name: 'Rule a', id: 'a', enabled: true }, rule('b'), rule('c')];
    const diff = diffRuleLists(before, [rule('c'), rule('a'), rule('b', { enabled: false }), rule('d')]);
    expect(diff).toEqual({
      before: 3,
      after: 4,
      added: [{ id: 'd', name: 'Rule d' }],
      removed: [],
      changed: [{ id: 'b', name: 'Rule b' }],
      reordered: true,
    });
    expect(ruleChangeSummary('admin@x', diff, 'masking rule', 'demo')).toBe('admin@x changed 2 masking rules on demo and reordered them');
  });

  it('says when rules were only reordered, or saved unchanged', () => {
    expect(ruleChangeSummary('a@x', diffRuleLists([rule('a'), rule('b')], [rule('b'), rule('a')]), 'statement rule', 't')).toBe('a@x reordered the statement rules on t');
    expect(ruleChangeSummary('a@x', diffRuleLists([rule('a')], [rule('a')]), 'statement rule', 't')).toBe('a@x saved the statement rules on t unchanged');
  });
});
