import { z } from 'zod';
import { ACCESS_GRANT_MAX_SECONDS, ACCESS_GRANT_MIN_SECONDS, ACCESS_GRANT_STATUSES, ROLES } from '../db/schema';

const MIN_MINUTES = ACCESS_GRANT_MIN_SECONDS / 60;
const MAX_MINUTES = ACCESS_GRANT_MAX_SECONDS / 60;
const durationMessage = `Duration must be ${MIN_MINUTES} to ${MAX_MINUTES} minutes (24 hours)`;

const reason = z.string().trim().max(2000, 'Reason must be at most 2000 characters');

export const requestAccessGrantSchema = z.object({
  target: z.string('Choose a target').trim().min(1, 'Choose a target'),
  role: z.enum(ROLES, `Role must be one of ${ROLES.join(', ')}`),
  durationMinutes: z.coerce
    .number(durationMessage)
    .int('Duration must be a whole number of minutes')
    .min(MIN_MINUTES, durationMessage)
    .max(MAX_MINUTES, durationMessage),
  reason: z.string('Say why you need this access').pipe(reason.min(1, 'Say why you need this access')),
});
export type RequestAccessGrantInput = z.input<typeof requestAccessGrantSchema>;

/** A denial must say why: the requester sees the reason. */
export const decideAccessGrantSchema = z
  .object({
    decision: z.enum(['approve', 'deny']),
    reason: reason.nullish().transform((v) => (v ? v : undefined)),
  })
  .refine((v) => v.decision !== 'deny' || Boolean(v.reason), { path: ['reason'], message: 'Say why the request is denied' });
export type AccessGrantDecision = z.infer<typeof decideAccessGrantSchema>['decision'];

/** The JSON body of POST .../approve and .../deny; the decision itself comes from the path. */
export const accessGrantDecisionBodySchema = z.object({ reason: z.string().nullish() });

export const listAccessGrantsSchema = z.object({
  status: z.enum(ACCESS_GRANT_STATUSES, `Status must be one of ${ACCESS_GRANT_STATUSES.join(', ')}`).optional(),
});
export type ListAccessGrantsInput = z.input<typeof listAccessGrantsSchema>;
