import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { accessGrants, type AccessGrantRow } from '../db/schema';
import type { Actor } from '../auth/actor';
import { parseInput } from '../validation';
import { listAccessGrantsSchema, type ListAccessGrantsInput } from './access-grant-schemas';
import { canDecideAccessGrants } from './grant-visibility';

const LIMIT = 500;

/** Newest first; approvers and admins see every grant, everyone else only their own. */
export async function listAccessGrants(db: Db, options: { actor: Actor } & ListAccessGrantsInput): Promise<AccessGrantRow[]> {
  const { actor, ...input } = options;
  const { status } = parseInput(listAccessGrantsSchema, input);
  const filters: SQL[] = [];
  if (!canDecideAccessGrants(actor)) {
    if (!actor.id) return [];
    filters.push(eq(accessGrants.userId, actor.id));
  }
  if (status) filters.push(eq(accessGrants.status, status));
  return db
    .select()
    .from(accessGrants)
    .where(and(...filters))
    .orderBy(desc(accessGrants.createdAt), desc(accessGrants.id))
    .limit(LIMIT);
}
