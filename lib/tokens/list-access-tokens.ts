import { desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { accessTokens, users } from '../db/schema';
import type { Actor } from '../auth/actor';
import { toPublicToken, type PublicToken } from './public-token';

/** A person sees their own tokens; admins see every token. */
export async function listAccessTokens(db: Db, options: { actor: Actor }): Promise<PublicToken[]> {
  const { actor } = options;
  const base = db
    .select({ token: accessTokens, email: users.email })
    .from(accessTokens)
    .innerJoin(users, eq(users.id, accessTokens.userId));
  const rows = await (actor.role === 'admin' ? base : base.where(eq(accessTokens.userId, actor.id ?? ''))).orderBy(
    desc(accessTokens.createdAt),
  );
  return rows.map((r) => toPublicToken(r.token, r.email));
}
