import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { gatewaySessions, type GatewaySessionRow } from '../db/schema';
import type { Actor } from '../auth/actor';
import { isUuid } from '../ids';
import { assertSessionVisible, sessionNotFound } from './session-visibility';

/** One session the actor may see; NOT_FOUND otherwise, whether it is missing or someone else's. */
export async function getSession(db: Db, options: { actor: Actor; id: string }): Promise<GatewaySessionRow> {
  const { actor, id } = options;
  if (!isUuid(id)) throw sessionNotFound(id);
  const [session] = await db.select().from(gatewaySessions).where(eq(gatewaySessions.id, id));
  assertSessionVisible(actor, session, id);
  return session;
}
