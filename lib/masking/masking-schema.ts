import { z } from 'zod';
import { ROLES } from '../db/schema/users';
import { compileRegexRule } from './detectors/regex-detector';

/** What a masked value becomes. `null` turns a whole cell into SQL NULL; inside text it redacts. */
export const MASKING_STRATEGY_TYPES = ['redact', 'keep-last', 'email-domain', 'hash', 'null'] as const;
export type MaskingStrategyType = (typeof MASKING_STRATEGY_TYPES)[number];

/** Content detectors, run on every text cell whatever its column. Documented in docs/masking.md. */
export const DETECTORS = ['email', 'payment-card', 'iban', 'phone', 'us-ssn', 'jwt', 'cloud-key'] as const;
export type DetectorName = (typeof DETECTORS)[number];

export const MAX_MASKING_RULES = 200;
export const MAX_REGEX_LENGTH = 300;

export const maskingStrategySchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('redact') }),
    z.strictObject({
      type: z.literal('keep-last'),
      n: z.int('Keep last must be a whole number').min(1, 'Keep at least 1 character').max(32, 'Keep at most 32 characters'),
    }),
    z.strictObject({ type: z.literal('email-domain') }),
    z.strictObject({ type: z.literal('hash') }),
    z.strictObject({ type: z.literal('null') }),
  ],
  { error: `Strategy must be one of ${MASKING_STRATEGY_TYPES.join(', ')}` },
);
export type MaskingStrategy = z.infer<typeof maskingStrategySchema>;

/** Three dot-separated parts, as PostgreSQL stores the names (unquoted identifiers are lower case). */
const COLUMN_PATTERN = /^[^.\s"]+\.[^.\s"]+\.[^.\s"]+$/;

/** Custom patterns run on RE2 (see detectors/regex-detector.ts): its syntax is what must compile. */
function compiles(source: string): boolean {
  try {
    compileRegexRule(source);
    return true;
  } catch {
    return false;
  }
}

const idList = (what: string) =>
  z
    .array(z.string().trim().min(1, `${what} entries must not be empty`).max(200, `${what} entries must be at most 200 characters`))
    .max(200, `At most 200 ${what.toLowerCase()}`)
    .optional();

export const maskingMatchSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({
      type: z.literal('column'),
      column: z.string().trim().regex(COLUMN_PATTERN, 'Column must be schema.table.column, e.g. public.customers.email'),
    }),
    z.strictObject({ type: z.literal('detector'), detector: z.enum(DETECTORS, `Detector must be one of ${DETECTORS.join(', ')}`) }),
    z.strictObject({
      type: z.literal('regex'),
      pattern: z
        .string()
        .min(1, 'Pattern must not be empty')
        .max(MAX_REGEX_LENGTH, `Pattern must be at most ${MAX_REGEX_LENGTH} characters`)
        .refine(compiles, 'Pattern must be a valid RE2 regular expression (no lookaround or backreferences)'),
    }),
  ],
  { error: 'Match type must be column, detector or regex' },
);
export type MaskingMatch = z.infer<typeof maskingMatchSchema>;

/**
 * One masking rule. Column rules mask a column wherever it leaves the target (aliases, views and
 * expressions included); detector and regex rules mask what they find in any text value. Exempt
 * callers (any listed role, user id or token id) see the real value; a later rule for the same
 * column may still apply to them, so tiers are written as an ordered list.
 */
export const maskingRuleSchema = z.strictObject({
  id: z.string().trim().min(1, 'Rule id is required').max(100, 'Rule id must be at most 100 characters'),
  name: z.string().trim().min(1, 'Rule name is required').max(100, 'Rule name must be at most 100 characters'),
  enabled: z.boolean('Enabled must be true or false'),
  match: maskingMatchSchema,
  strategy: maskingStrategySchema,
  /** Column rules only: refuse statements that filter, join, group or sort on the column (blind probing). */
  strict: z.boolean('Strict must be true or false').optional(),
  exempt: z
    .strictObject({
      roles: z.array(z.enum(ROLES, `Role must be one of ${ROLES.join(', ')}`)).optional(),
      userIds: idList('User ids'),
      tokenIds: idList('Token ids'),
    })
    .optional(),
});
export type MaskingRule = z.infer<typeof maskingRuleSchema>;

export const maskingRulesSchema = z
  .array(maskingRuleSchema)
  .max(MAX_MASKING_RULES, `At most ${MAX_MASKING_RULES} masking rules`)
  .superRefine((rules, ctx) => {
    const seen = new Set<string>();
    rules.forEach((rule, index) => {
      if (seen.has(rule.id)) ctx.addIssue({ code: 'custom', message: `Rule id "${rule.id}" is used twice`, path: [index, 'id'] });
      seen.add(rule.id);
      if (rule.strict && rule.match.type !== 'column') {
        ctx.addIssue({ code: 'custom', message: 'Only column rules can be strict', path: [index, 'strict'] });
      }
    });
  });
