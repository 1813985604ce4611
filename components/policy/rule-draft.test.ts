import { describe, expect, it } from 'vitest';
import type { PolicyRule } from '@/lib/policy/policy-rule-schema';
import { draftFromRule, ruleFromDraft } from './rule-draft';

const held: PolicyRule = {
  id: 'r1',
  name: 'Hold writes',
  enabled: true,
  subject: { userIds: ['u1'] },
  match: { kinds: ['write'] },
  action: 'require_approval',
  approval: { waitSeconds: 120, requiredApprovals: 2, approverRoles: ['admin'] },
};

describe('rule drafts', () => {
  it('keep the approval settings (and the ids the form does not show) through an edit', () => {
    expect(ruleFromDraft(draftFromRule(held), held)).toEqual(held);
  });

  it("drop the approval settings when the action is no longer require_approval, and set don't-wait", () => {
    const draft = draftFromRule(held);
    expect(ruleFromDraft({ ...draft, action: 'block' }, held).approval).toBeUndefined();
    expect(ruleFromDraft({ ...draft, dontWait: true, waitSeconds: '' }, held).approval).toEqual({ dontWait: true, requiredApprovals: 2, approverRoles: ['admin'] });
  });
});
