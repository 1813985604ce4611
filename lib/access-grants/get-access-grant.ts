import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { accessGrants, type AccessGrantRow } from '../db/schema';
import { AppError } from '../errors';
import { isUuid } from '../ids';

/** The grant row by id; NOT_FOUND for unknown or malformed ids. */
export async function getAccessGrantRow(db: Db, grantId: string): Promise<AccessGrantRow> {
  const notFound = new AppError('NOT_FOUND', `No access grant with id ${grantId}`);
  if (!isUuid(grantId)) throw notFound;
  const [row] = await db.select().from(accessGrants).where(eq(accessGrants.id, grantId));
  if (!row) throw notFound;
  return row;
}
