import { z } from 'zod';
import { parseDuration } from '../duration';

const MAX_LIFETIME_MS = 366 * 86_400_000;

export const createTokenSchema = z.object({
  name: z.string().trim().min(1, 'Name is required').max(100, 'Name must be at most 100 characters'),
  expiresIn: z
    .string()
    .trim()
    .refine((v) => v === '' || v === 'never' || parseDuration(v) !== null, 'Use a duration like 12h, 30d or 2w, or "never"')
    .refine((v) => (parseDuration(v) ?? 0) <= MAX_LIFETIME_MS, 'Tokens live at most 366 days')
    .default('30d'),
  targets: z.array(z.string().trim().min(1)).max(100).default([]),
  userEmail: z.string().trim().toLowerCase().optional(),
  /** E-mails of the Gatehouse users the holder acts for, outermost first: ['agent@x', 'alice@x'] or ['alice@x']. */
  actingFor: z.array(z.string().trim().toLowerCase().pipe(z.email('Enter the e-mail of a Gatehouse user'))).max(8, 'At most 8 parties').default([]),
});
export type CreateTokenInput = z.input<typeof createTokenSchema>;

export function expiryFrom(expiresIn: string, now = Date.now()): Date | null {
  const ms = parseDuration(expiresIn);
  return ms === null ? null : new Date(now + ms);
}
