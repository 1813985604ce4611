import { and, eq, gt, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { accessGrants, type Role } from '../db/schema';
import { rolePrivilege } from './grant-state';

export type ActiveGrantRole = { role: Role; endsAt: Date };

/**
 * For the gateway: the role a person holds on a target through an approved grant right now (by the
 * database clock), or null. With several running grants the most privileged role wins; among equal
 * roles the one that lasts longest.
 */
export async function getActiveGrantRole(db: Db, options: { userId: string; targetId: string }): Promise<ActiveGrantRole | null> {
  const rows = await db
    .select({ role: accessGrants.role, endsAt: accessGrants.endsAt })
    .from(accessGrants)
    .where(
      and(
        eq(accessGrants.userId, options.userId),
        eq(accessGrants.targetId, options.targetId),
        eq(accessGrants.status, 'approved'),
        lte(accessGrants.startsAt, sql`now()`),
        gt(accessGrants.endsAt, sql`now()`),
      ),
    );
  let best: ActiveGrantRole | null = null;
  for (const row of rows) {
    if (!row.endsAt) continue;
    const candidate = { role: row.role, endsAt: row.endsAt };
    const diff = best ? rolePrivilege(candidate.role) - rolePrivilege(best.role) : 1;
    if (diff > 0 || (diff === 0 && best && candidate.endsAt > best.endsAt)) best = candidate;
  }
  return best;
}
