import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { auditEvents, type AuditEventRow, type GatewaySessionRow } from '../db/schema';
import type { Actor } from '../auth/actor';
import { getSession } from './get-session';
import { listReplayStatements, type ReplayStatement } from './replay-statements';

export type { ReplayApproval, ReplayDecision, ReplayOutcome, ReplayStatement } from './replay-statements';

const LIFECYCLE_ACTIONS = ['session.started', 'session.ended', 'session.terminated'] as const;

export type SessionLifecycleEvent = Pick<AuditEventRow, 'id' | 'seq' | 'at' | 'action' | 'actorEmail' | 'actorRole' | 'summary' | 'details'>;

export type SessionReplay = {
  session: GatewaySessionRow;
  /** How long the session lasted, or has lasted so far while it is live. */
  durationMs: number;
  statements: ReplayStatement[];
  /** The session's audit events (started, ended, terminate requests), in chain order. */
  events: SessionLifecycleEvent[];
  /** Which statements this is: those after `afterSeq`; `nextAfterSeq` when more follow. */
  window: { afterSeq: number | null; nextAfterSeq: number | null };
};

/** Everything the replay page shows for one session the actor may see (NOT_FOUND otherwise). */
export async function getSessionReplay(
  db: Db,
  options: { actor: Actor; id: string; afterSeq?: number | null; limit?: number },
): Promise<SessionReplay> {
  const session = await getSession(db, options);
  const [{ statements, hasMore }, events] = await Promise.all([
    listReplayStatements(db, { sessionId: session.id, afterSeq: options.afterSeq, limit: options.limit }),
    listSessionLifecycleEvents(db, session.id),
  ]);
  return {
    session,
    durationMs: Math.max(0, (session.endedAt?.getTime() ?? Date.now()) - session.startedAt.getTime()),
    statements,
    events,
    window: { afterSeq: options.afterSeq ?? null, nextAfterSeq: hasMore ? statements.at(-1)!.seq : null },
  };
}

function listSessionLifecycleEvents(db: Db, sessionId: string): Promise<SessionLifecycleEvent[]> {
  const e = auditEvents;
  return db
    .select({ id: e.id, seq: e.seq, at: e.at, action: e.action, actorEmail: e.actorEmail, actorRole: e.actorRole, summary: e.summary, details: e.details })
    .from(e)
    .where(and(eq(e.subjectType, 'session'), eq(e.subjectId, sessionId), inArray(e.action, [...LIFECYCLE_ACTIONS])))
    .orderBy(asc(e.seq));
}
