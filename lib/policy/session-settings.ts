import { z } from 'zod';

/** Per-target bounds on gateway sessions, and whether reads wait for a durable audit record too. */
export const sessionSettingsSchema = z.strictObject({
  idleTimeoutSeconds: z.int('Idle timeout must be whole seconds').min(1).max(7 * 86_400, 'Idle timeout is at most 7 days').nullable().default(null),
  maxSessionSeconds: z.int('Maximum session length must be whole seconds').min(1).max(30 * 86_400, 'Sessions last at most 30 days').nullable().default(null),
  strictReads: z.boolean().default(false),
});

export type SessionSettings = z.infer<typeof sessionSettingsSchema>;

export const DEFAULT_SESSION_SETTINGS: SessionSettings = sessionSettingsSchema.parse({});
