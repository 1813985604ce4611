import { asc } from 'drizzle-orm';
import type { Db } from '../db/client';
import { targets } from '../db/schema';
import type { Actor } from '../auth/actor';
import { toPublicTarget, type PublicTarget } from './public-target';
import { getTargetRow } from './get-target';

/** Every signed-in role may see which targets exist (to scope tokens and connect); only admins change them. */
export async function listTargets(db: Db, _options: { actor: Actor }): Promise<PublicTarget[]> {
  const rows = await db.select().from(targets).orderBy(asc(targets.name));
  return rows.map(toPublicTarget);
}

export async function getTarget(db: Db, options: { actor: Actor; idOrName: string }): Promise<PublicTarget> {
  return toPublicTarget(await getTargetRow(db, options.idOrName));
}
