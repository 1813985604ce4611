import { asc } from 'drizzle-orm';
import type { Db } from '../db/client';
import { users } from '../db/schema';
import { assertRole, type Actor } from '../auth/actor';
import { toPublicUser, type PublicUser } from './public-user';

export async function listUsers(db: Db, options: { actor: Actor }): Promise<PublicUser[]> {
  assertRole(options.actor, ['admin']);
  const rows = await db.select().from(users).orderBy(asc(users.email));
  return rows.map(toPublicUser);
}
