import { z } from 'zod';

/** Per-target bounds on gateway sessions, whether reads wait for a durable audit record too, and where approvals are announced. */
export const sessionSettingsSchema = z.strictObject({
  idleTimeoutSeconds: z.int('Idle timeout must be whole seconds').min(1).max(7 * 86_400, 'Idle timeout is at most 7 days').nullable().default(null),
  maxSessionSeconds: z.int('Maximum session length must be whole seconds').min(1).max(30 * 86_400, 'Sessions last at most 30 days').nullable().default(null),
  strictReads: z.boolean().default(false),
  /** How many result rows of each statement are kept for replay, as the caller received them (masked). */
  recordingRows: z.int('Recorded rows must be a whole number').min(0, 'Recorded rows cannot be negative').max(1000, 'At most 1,000 rows per statement are recorded').default(20),
  /** Days an ended session's recording is kept before the retention job purges it; null keeps it forever. */
  retentionDays: z.int('Retention must be whole days').min(1, 'Recordings are kept at least 1 day').max(36_500, 'Retention is at most 100 years').nullable().default(null),
  /** Where new approval requests on this target are announced (JSON that Slack incoming webhooks accept). */
  approvalWebhookUrl: z
    .url('Webhook URL must be a URL')
    .refine((u) => /^https?:\/\//.test(u), 'Webhook URL must start with http:// or https://')
    .nullable()
    .default(null),
});

export type SessionSettings = z.infer<typeof sessionSettingsSchema>;

export const DEFAULT_SESSION_SETTINGS: SessionSettings = sessionSettingsSchema.parse({});
