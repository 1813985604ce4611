import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { accessTokens } from '../db/schema';
import { AppError } from '../errors';
import { isUuid } from '../ids';
import type { Actor } from '../auth/actor';

/** Owners revoke their own tokens; admins any. Revoking twice is a CONFLICT, not a silent success. */
export async function revokeAccessToken(db: Db, options: { actor: Actor; tokenId: string }): Promise<{ id: string; revokedAt: Date }> {
  const { actor, tokenId } = options;
  if (!isUuid(tokenId)) throw new AppError('INVALID_INPUT', `"${tokenId}" is not a token id`);
  const [current] = await db.select().from(accessTokens).where(eq(accessTokens.id, tokenId));
  if (!current || (actor.role !== 'admin' && current.userId !== actor.id)) {
    throw new AppError('NOT_FOUND', `No token with id ${tokenId}`);
  }
  const [row] = await db
    .update(accessTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(accessTokens.id, tokenId), isNull(accessTokens.revokedAt)))
    .returning();
  if (!row) throw new AppError('CONFLICT', `Token ${tokenId} was already revoked`);
  return { id: row.id, revokedAt: row.revokedAt! };
}
