import { z } from 'zod';

/** Redis channel on which the portal asks gateways to end live sessions (the store is the truth). */
export const sessionControlChannel = (prefix: string) => `${prefix}:sessions:control`;

export const SESSION_CONTROL_REASON_MAX = 500;

/** An admin ended one session ('session.terminated' audit event). */
const terminateMessage = z.strictObject({ type: z.literal('terminate'), sessionId: z.uuid(), reason: z.string().max(SESSION_CONTROL_REASON_MAX) });

/** Trust in a token (revoked) or an identity (disabled) is gone: every live session of it ends. */
const revokeMessage = z
  .strictObject({ type: z.literal('revoke'), tokenId: z.uuid().optional(), userId: z.uuid().optional(), reason: z.string().max(SESSION_CONTROL_REASON_MAX) })
  .refine((m) => m.tokenId !== undefined || m.userId !== undefined, 'A revoke message names a token or a user');

export const sessionControlMessage = z.discriminatedUnion('type', [terminateMessage, revokeMessage]);
export type SessionControlMessage = z.infer<typeof sessionControlMessage>;
