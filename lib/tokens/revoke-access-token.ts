import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { accessTokens, users } from '../db/schema';
import { AppError } from '../errors';
import { isUuid } from '../ids';
import type { Actor } from '../auth/actor';
import { appendAuditEvent } from '../audit/append-audit-event';
import { announceRevocation, tokenRevokedReason } from '../sessions/announce-revocation';

/**
 * Owners revoke their own tokens; admins any. Revoking twice is a CONFLICT, not a silent success.
 * New connections with the token are refused from the commit on; once committed, gateways are told
 * to end its live sessions (or find the revocation on their next re-check if Redis is down).
 */
export async function revokeAccessToken(db: Db, options: { actor: Actor; tokenId: string }): Promise<{ id: string; revokedAt: Date }> {
  const { actor, tokenId } = options;
  if (!isUuid(tokenId)) throw new AppError('INVALID_INPUT', `"${tokenId}" is not a token id`);
  const [current] = await db.select().from(accessTokens).where(eq(accessTokens.id, tokenId));
  if (!current || (actor.role !== 'admin' && current.userId !== actor.id)) {
    throw new AppError('NOT_FOUND', `No token with id ${tokenId}`);
  }
  const revoked = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(accessTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(accessTokens.id, tokenId), isNull(accessTokens.revokedAt)))
      .returning();
    if (!row) throw new AppError('CONFLICT', `Token ${tokenId} was already revoked`);
    const [owner] = await tx.select({ email: users.email }).from(users).where(eq(users.id, row.userId));
    const ownerEmail = owner?.email ?? 'a deleted user';
    await appendAuditEvent(tx, {
      actor,
      action: 'token.revoked',
      subjectType: 'token',
      subjectId: row.id,
      summary: `${actor.email} revoked token "${row.name}" of ${ownerEmail}`,
      details: { tokenId: row.id, name: row.name, ownerId: row.userId, ownerEmail: owner?.email ?? null },
    });
    return { id: row.id, name: row.name, revokedAt: row.revokedAt! };
  });
  await announceRevocation({ tokenId: revoked.id }, tokenRevokedReason(revoked, actor.email));
  return { id: revoked.id, revokedAt: revoked.revokedAt };
}
