import { describe, expect, it } from 'vitest';
import { maskingRulesSchema, type MaskingRule } from './masking-schema';

const column: MaskingRule = { id: 'a', name: 'A', enabled: true, match: { type: 'column', column: 'public.customers.email' }, strategy: { type: 'redact' } };

function problems(rules: unknown): string[] {
  const r = maskingRulesSchema.safeParse(rules);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('maskingRulesSchema', () => {
  it('accepts column, detector and regex rules with each strategy and exemptions', () => {
    expect(
      problems([
        { ...column, strict: true, exempt: { roles: ['approver'], userIds: ['u1'], tokenIds: ['t1'] } },
        { id: 'b', name: 'B', enabled: false, match: { type: 'detector', detector: 'payment-card' }, strategy: { type: 'keep-last', n: 4 } },
        { id: 'c', name: 'C', enabled: true, match: { type: 'regex', pattern: 'ACME-[0-9]{6}' }, strategy: { type: 'hash' } },
        { id: 'd', name: 'D', enabled: true, match: { type: 'column', column: 'sales.orders.note' }, strategy: { type: 'null' } },
        { id: 'e', name: 'E', enabled: true, match: { type: 'detector', detector: 'email' }, strategy: { type: 'email-domain' } },
      ]),
    ).toEqual([]);
  });

  it.each([
    [[{ ...column, match: { type: 'column', column: 'customers.email' } }], /0.match.column: Column must be schema.table.column/],
    [[{ ...column, match: { type: 'detector', detector: 'passport' } }], /0.match.detector: Detector must be one of/],
    [[{ ...column, match: { type: 'regex', pattern: '(' } }], /0.match.pattern: Pattern must be a valid RE2 regular expression/],
    [[{ ...column, strategy: { type: 'keep-last', n: 0 } }], /0.strategy.n: Keep at least 1 character/],
    [[{ ...column, strategy: { type: 'scramble' } }], /0.strategy/],
    [[column, column], /1.id: Rule id "a" is used twice/],
    [[{ ...column, match: { type: 'detector', detector: 'email' }, strict: true }], /0.strict: Only column rules can be strict/],
    [[{ ...column, exempt: { roles: ['root'] } }], /0.exempt.roles.0: Role must be one of/],
    [[{ ...column, colour: 'red' }], /Unrecognized key/],
  ])('refuses %j', (rules, message) => {
    expect(problems(rules).join('\n')).toMatch(message);
  });
});
