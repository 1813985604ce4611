import { asc } from 'drizzle-orm';
import type { Db } from '../db/client';
import { targets } from '../db/schema';
import { openTargetPassword } from './target-secret';

/**
 * Fails when the master key in use cannot open the stored target credentials, e.g. after the
 * local env file was lost and a new key generated: better to stop at start with the fix than to
 * refuse every gateway session later.
 */
export async function assertMasterKeyOpensTargets(db: Db): Promise<void> {
  const [first] = await db.select().from(targets).orderBy(asc(targets.createdAt)).limit(1);
  if (!first) return;
  try {
    openTargetPassword(first.id, first.passwordCiphertext);
  } catch {
    throw new Error(
      `GATEHOUSE_MASTER_KEY cannot open the stored target credentials (target "${first.name}"): restore the key they were stored with (the previous .env.local or your secret store); without it the targets' passwords must be entered again`,
    );
  }
}
