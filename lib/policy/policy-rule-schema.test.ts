import { describe, expect, it } from 'vitest';
import { defaultPolicyRules } from './default-policy-rules';
import { policyRuleSchema, policyRulesSchema } from './policy-rule-schema';

const valid = {
  id: 'r1',
  name: 'Allow reports',
  enabled: true,
  subject: { roles: ['user'] },
  match: { kinds: ['read'], tables: ['public.report*'], pattern: '^select' },
  action: 'allow',
};

function messages(input: unknown): string[] {
  const result = policyRuleSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('policyRuleSchema', () => {
  it('accepts a valid rule', () => expect(messages(valid)).toEqual([]));

  it.each(defaultPolicyRules())('accepts the default rule $id', (rule) => expect(messages(rule)).toEqual([]));

  it.each([
    ['an empty name', { ...valid, name: '  ' }, 'name: Rule name is required'],
    ['a long name', { ...valid, name: 'x'.repeat(101) }, 'name: Rule name must be at most 100 characters'],
    ['a pattern that does not compile', { ...valid, match: { pattern: '(' } }, 'match.pattern: Pattern must be a valid regular expression'],
    ['a long pattern', { ...valid, match: { pattern: 'a'.repeat(501) } }, 'match.pattern: Pattern must be at most 500 characters'],
    ['an unknown role', { ...valid, subject: { roles: ['root'] } }, 'subject.roles.0: Role must be one of admin, approver, auditor, user'],
    ['an unknown kind', { ...valid, match: { kinds: ['select'] } }, 'match.kinds.0: Kind must be one of read, write, ddl, dcl, transaction, utility, unknown'],
    ['an unknown action', { ...valid, action: 'deny' }, 'action: Action must be one of allow, block, require_approval'],
    ['an empty table glob', { ...valid, match: { tables: [''] } }, 'match.tables.0: Tables entries must not be empty'],
  ])('refuses %s', (_label, input, message) => expect(messages(input)).toContain(message));

  it('refuses an unknown flag', () => {
    expect(messages({ ...valid, match: { flags: ['delete-all'] } })[0]).toMatch(/^match\.flags\.0: Flag must be one of delete-without-where, /);
  });

  it('refuses a misspelt criterion rather than ignoring it', () => {
    expect(messages({ ...valid, match: { tabels: ['public.reports'] } })).toHaveLength(1);
  });
});

describe('policyRulesSchema', () => {
  it('refuses two rules with one id', () => {
    const result = policyRulesSchema.safeParse([valid, { ...valid, name: 'Again' }]);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('Rule id "r1" is used twice');
  });
});
