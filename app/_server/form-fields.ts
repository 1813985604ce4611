import { z } from 'zod';

/** The hidden "target" field of a target's forms: its id (or name). */
export const targetField = z.string('Missing target id').min(1, 'Missing target id');

/**
 * A rule list sent as one JSON form field. Only the framing is checked here: pipe the result into
 * the list's schema to key field errors "rules.<index>.<field>", or leave it to the domain to judge.
 */
export const rulesJsonField = z.string('Rules are missing').transform((text, ctx) => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    ctx.addIssue({ code: 'custom', message: 'Rules must be a JSON list' });
    return z.NEVER;
  }
});
