import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { targets } from '../db/schema';
import { assertRole, type Actor } from '../auth/actor';
import { getTargetRow } from './get-target';

export async function deleteTarget(db: Db, options: { actor: Actor; idOrName: string }): Promise<{ id: string; name: string }> {
  assertRole(options.actor, ['admin']);
  const current = await getTargetRow(db, options.idOrName);
  await db.delete(targets).where(eq(targets.id, current.id));
  return { id: current.id, name: current.name };
}
