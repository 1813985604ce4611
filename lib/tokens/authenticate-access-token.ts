import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { accessTokens, users, type AccessTokenRow, type UserRow } from '../db/schema';
import { AppError } from '../errors';
import { hashAccessToken, looksLikeAccessToken } from '../crypto/access-token';
import type { Actor } from '../auth/actor';
import { actorFromUser } from '../auth/actor-from-user';

export type TokenIdentity = { actor: Actor; token: AccessTokenRow; user: UserRow };

/**
 * Resolves a presented token to the identity it stands for, or throws UNAUTHORIZED saying why:
 * unknown, revoked, expired, or its user disabled. Shared by the REST API and the gateway.
 */
export async function authenticateAccessToken(db: Db, presented: string): Promise<TokenIdentity> {
  if (!looksLikeAccessToken(presented)) throw new AppError('UNAUTHORIZED', 'Not a Gatehouse access token');
  const [row] = await db
    .select({ token: accessTokens, user: users })
    .from(accessTokens)
    .innerJoin(users, eq(users.id, accessTokens.userId))
    .where(eq(accessTokens.tokenHash, hashAccessToken(presented)));
  if (!row) throw new AppError('UNAUTHORIZED', 'Unknown access token');
  const { token, user } = row;
  if (token.revokedAt) throw new AppError('UNAUTHORIZED', `Access token "${token.name}" was revoked`);
  if (token.expiresAt && token.expiresAt <= new Date()) throw new AppError('UNAUTHORIZED', `Access token "${token.name}" expired`);
  if (user.disabledAt) throw new AppError('UNAUTHORIZED', `User ${user.email} is disabled`);
  await db.update(accessTokens).set({ lastUsedAt: new Date() }).where(eq(accessTokens.id, token.id));
  return {
    actor: { ...actorFromUser(user, 'token'), tokenId: token.id },
    token,
    user,
  };
}

/** Whether a token may reach a target: unscoped tokens reach all. */
export function tokenAllowsTarget(token: Pick<AccessTokenRow, 'targetIds'>, targetId: string): boolean {
  return token.targetIds === null || token.targetIds.includes(targetId);
}
