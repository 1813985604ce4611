import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { targets, type TargetRow } from '../db/schema';
import { AppError } from '../errors';
import { isUuid } from '../ids';

/** Finds a target by id or by name; NOT_FOUND otherwise. Returns the row with its ciphertext: server use only. */
export async function getTargetRow(db: Db, idOrName: string): Promise<TargetRow> {
  const where = isUuid(idOrName) ? eq(targets.id, idOrName) : eq(targets.name, idOrName);
  const [row] = await db.select().from(targets).where(where);
  if (!row) throw new AppError('NOT_FOUND', `No target named or with id "${idOrName}"`);
  return row;
}
