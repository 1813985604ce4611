import { z } from 'zod';

/** Redis channel on which the portal asks gateways to end live sessions (the audit event is the truth). */
export const sessionControlChannel = (prefix: string) => `${prefix}:sessions:control`;

export const sessionControlMessage = z.strictObject({ type: z.literal('terminate'), sessionId: z.uuid(), reason: z.string().max(500) });
export type SessionControlMessage = z.infer<typeof sessionControlMessage>;
