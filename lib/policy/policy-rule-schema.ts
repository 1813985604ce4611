import { z } from 'zod';
import { ROLES } from '../db/schema/users';
import { STATEMENT_FLAGS, STATEMENT_KINDS } from '../sql/classify-sql';

export const POLICY_ACTIONS = ['allow', 'block', 'require_approval'] as const;
export type PolicyAction = (typeof POLICY_ACTIONS)[number];

export const MAX_PATTERN_LENGTH = 500;

function compiles(source: string): boolean {
  try {
    new RegExp(source, 'i');
    return true;
  } catch {
    return false;
  }
}

function nameList(what: string) {
  return z
    .array(
      z
        .string()
        .trim()
        .min(1, `${what} entries must not be empty`)
        .max(200, `${what} entries must be at most 200 characters`),
    )
    .max(200, `At most 200 ${what.toLowerCase()}`)
    .optional();
}

export const DEFAULT_APPROVAL_WAIT_SECONDS = 600;

export const approvalSettingsSchema = z.strictObject({
  waitSeconds: z.int('Wait must be whole seconds').min(5, 'Wait at least 5 seconds').max(86_400, 'Wait at most a day').optional(),
  dontWait: z.boolean().optional(),
  requiredApprovals: z.int().min(1, 'At least one approval').max(5, 'At most 5 approvals').optional(),
  approverRoles: z.array(z.enum(ROLES)).min(1, 'Name at least one approver role').optional(),
});
export type ApprovalSettings = z.infer<typeof approvalSettingsSchema>;

/**
 * Strict objects: an unknown key is an error, not ignored. A misspelt criterion (`tabels`) that
 * was silently dropped would turn a narrow allow rule into one that allows everything.
 */
export const policyRuleSchema = z.strictObject({
  id: z.string().trim().min(1, 'Rule id is required').max(100, 'Rule id must be at most 100 characters'),
  name: z.string().trim().min(1, 'Rule name is required').max(100, 'Rule name must be at most 100 characters'),
  enabled: z.boolean('Enabled must be true or false'),
  subject: z.strictObject({
    roles: z.array(z.enum(ROLES, `Role must be one of ${ROLES.join(', ')}`)).optional(),
    userIds: nameList('User ids'),
    tokenIds: nameList('Token ids'),
  }),
  match: z.strictObject({
    kinds: z.array(z.enum(STATEMENT_KINDS, `Kind must be one of ${STATEMENT_KINDS.join(', ')}`)).optional(),
    commands: nameList('Commands'),
    tables: nameList('Tables'),
    functions: nameList('Functions'),
    flags: z.array(z.enum(STATEMENT_FLAGS, `Flag must be one of ${STATEMENT_FLAGS.join(', ')}`)).optional(),
    pattern: z
      .string()
      .min(1, 'Pattern must not be empty')
      .max(MAX_PATTERN_LENGTH, `Pattern must be at most ${MAX_PATTERN_LENGTH} characters`)
      .refine(compiles, 'Pattern must be a valid regular expression')
      .optional(),
  }),
  action: z.enum(POLICY_ACTIONS, `Action must be one of ${POLICY_ACTIONS.join(', ')}`),
  message: z.string().trim().max(500, 'Message must be at most 500 characters').optional(),
  /** For require_approval: how long the statement waits (or not at all), and who must approve. */
  approval: approvalSettingsSchema.optional(),
});
export type PolicyRule = z.infer<typeof policyRuleSchema>;

/** An ordered rule list: ids are unique so a decision names exactly one rule. */
export const policyRulesSchema = z.array(policyRuleSchema).superRefine((rules, ctx) => {
  const seen = new Set<string>();
  rules.forEach((rule, index) => {
    if (seen.has(rule.id)) ctx.addIssue({ code: 'custom', message: `Rule id "${rule.id}" is used twice`, path: [index, 'id'] });
    seen.add(rule.id);
  });
});
