import { describe, expect, it } from 'vitest';
import type { MaskingRule } from '@/lib/masking/masking-schema';
import { EMPTY_MASKING_DRAFT, detectorRule, draftFromMaskingRule, maskingRuleFromDraft } from './masking-rule-draft';
import { describeMaskingProblems } from './masking-save-problems';

const tiered: MaskingRule = {
  id: 'm1',
  name: 'Mail for support',
  enabled: false,
  match: { type: 'column', column: 'public.customers.email' },
  strategy: { type: 'keep-last', n: 6 },
  strict: true,
  exempt: { roles: ['auditor'], userIds: ['u1'], tokenIds: ['t1'] },
};

describe('masking rule drafts', () => {
  it('round-trip a rule through the form unchanged', () => {
    expect(maskingRuleFromDraft(draftFromMaskingRule(tiered), tiered)).toEqual(tiered);
    const regex: MaskingRule = { id: 'r', name: 'Refs', enabled: true, match: { type: 'regex', pattern: 'ORD-\\d+' }, strategy: { type: 'hash' } };
    expect(maskingRuleFromDraft(draftFromMaskingRule(regex), regex)).toEqual(regex);
  });

  it('leave out empty exemptions and drop strict when the rule is no longer a column rule', () => {
    const draft = { ...draftFromMaskingRule(tiered), kind: 'detector' as const, exemptRoles: [], exemptUserIds: [], exemptTokenIds: [] };
    expect(maskingRuleFromDraft(draft, { id: 'm1', enabled: true })).toEqual({
      id: 'm1',
      name: 'Mail for support',
      enabled: true,
      match: { type: 'detector', detector: 'payment-card' },
      strategy: { type: 'keep-last', n: 6 },
    });
  });

  it('name a rule from what it matches when the name is blank, and pass a bad count on for the schema to judge', () => {
    const column = maskingRuleFromDraft({ ...EMPTY_MASKING_DRAFT, column: ' public.customers.email ', strategy: 'email-domain' }, { id: 'a', enabled: true });
    expect(column).toMatchObject({ name: 'Mask public.customers.email', match: { column: 'public.customers.email' }, strategy: { type: 'email-domain' } });
    expect(detectorRule('payment-card', 'b')).toMatchObject({ name: 'Payment card numbers', match: { type: 'detector', detector: 'payment-card' }, strategy: { type: 'redact' } });
    expect(maskingRuleFromDraft({ ...EMPTY_MASKING_DRAFT, strategy: 'keep-last', keepLast: 'four' }, { id: 'c', enabled: true }).strategy).toEqual({ type: 'keep-last', n: 'four' });
  });

  it('name the rule and the field of each save problem as the list was sent', () => {
    const problems = describeMaskingProblems({ 'rules.0.strategy.n': ['Keep at least 1 character'], rules: ['At most 200 masking rules'] }, [tiered]);
    expect(problems).toEqual([
      { path: 'rules.0.strategy.n', ruleId: 'm1', where: 'Rule 1 “Mail for support” · Characters to keep', messages: ['Keep at least 1 character'] },
      { path: 'rules', where: 'Masking rules', messages: ['At most 200 masking rules'] },
    ]);
  });
});
