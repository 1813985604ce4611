import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { gatewaySessions } from '../db/schema';
import { assertRole, type Actor } from '../auth/actor';
import { AppError } from '../errors';
import { isUuid } from '../ids';
import { appendAuditEvent } from '../audit/append-audit-event';
import { publishMessage } from '../jobs/publish-message';
import { sessionControlChannel, type SessionControlMessage } from '../jobs/session-control';

export type TerminateSessionInput = { actor: Actor; sessionId: string; reason?: string };

/**
 * An admin ends a live session. The audit event is the request: gateways act on the Redis message
 * at once and find the event when they re-check their live sessions (every 2 s) if it was lost.
 */
export async function terminateSession(db: Db, { actor, sessionId, reason }: TerminateSessionInput): Promise<{ announced: boolean }> {
  assertRole(actor, ['admin']);
  if (!isUuid(sessionId)) throw new AppError('NOT_FOUND', `No session ${sessionId}`);
  const [session] = await db.select().from(gatewaySessions).where(eq(gatewaySessions.id, sessionId));
  if (!session) throw new AppError('NOT_FOUND', `No session ${sessionId}`);
  if (session.endedAt) throw new AppError('CONFLICT', `The session already ended (${session.endReason ?? 'ended'})`);
  const why = reason?.trim() || 'terminated by an admin';
  await appendAuditEvent(db, {
    actor,
    action: 'session.terminated',
    subjectType: 'session',
    subjectId: session.id,
    summary: `${actor.email} terminated the session of ${session.userEmail} on ${session.targetName}`,
    details: { reason: why, userEmail: session.userEmail, targetName: session.targetName },
  });
  const message: SessionControlMessage = { type: 'terminate', sessionId: session.id, reason: `terminated by ${actor.email}: ${why}` };
  return { announced: await publishMessage(sessionControlChannel, message) };
}
