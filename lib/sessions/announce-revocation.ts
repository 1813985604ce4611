import type { UserKind } from '../db/schema';
import { publishMessage } from '../jobs/publish-message';
import { SESSION_CONTROL_REASON_MAX, sessionControlChannel, type SessionControlMessage } from '../jobs/session-control';

export type RevokedIdentity = { tokenId: string } | { userId: string };

/** Why a token's sessions end; the gateway sends it to the client as `FATAL: Gatehouse: <reason>`. */
export function tokenRevokedReason(token: { name: string }, revokedBy: string | null): string {
  return `access token "${token.name}" was revoked${revokedBy ? ` by ${revokedBy}` : ''}`;
}

export function tokenExpiredReason(token: { name: string }): string {
  return `access token "${token.name}" expired`;
}

/** Why a disabled identity's sessions end (a service identity's JWT subject is blocked with it). */
export function identityDisabledReason(user: { email: string; kind: UserKind }, disabledBy: string | null): string {
  return `${user.kind === 'service' ? 'service identity' : 'user'} ${user.email} was disabled${disabledBy ? ` by ${disabledBy}` : ''}`;
}

/**
 * Tells every gateway to end the live sessions of a revoked token or a disabled identity. Call it
 * after the change commits: the stored change is the truth, which gateways re-check every 2 s, so
 * a Redis outage delays the cut-off by that much and never fails the revocation (returns false).
 */
export async function announceRevocation(revoked: RevokedIdentity, reason: string): Promise<boolean> {
  const message: SessionControlMessage = { type: 'revoke', ...revoked, reason: reason.slice(0, SESSION_CONTROL_REASON_MAX) };
  return publishMessage(sessionControlChannel, message);
}
