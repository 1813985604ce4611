import { z } from 'zod';

/** Per-target bounds on gateway sessions, whether reads wait for a durable audit record too, and where approvals are announced. */
export const sessionSettingsSchema = z.strictObject({
  idleTimeoutSeconds: z.int('Idle timeout must be whole seconds').min(1).max(7 * 86_400, 'Idle timeout is at most 7 days').nullable().default(null),
  maxSessionSeconds: z.int('Maximum session length must be whole seconds').min(1).max(30 * 86_400, 'Sessions last at most 30 days').nullable().default(null),
  strictReads: z.boolean().default(false),
  /** Where new approval requests on this target are announced (JSON that Slack incoming webhooks accept). */
  approvalWebhookUrl: z
    .url('Webhook URL must be a URL')
    .refine((u) => /^https?:\/\//.test(u), 'Webhook URL must start with http:// or https://')
    .nullable()
    .default(null),
});

export type SessionSettings = z.infer<typeof sessionSettingsSchema>;

export const DEFAULT_SESSION_SETTINGS: SessionSettings = sessionSettingsSchema.parse({});
