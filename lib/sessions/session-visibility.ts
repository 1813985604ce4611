import { eq, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { GatewaySessionRow, Role } from '../db/schema';
import { gatewaySessions } from '../db/schema';
import { AppError } from '../errors';

const SEE_ALL_ROLES: readonly Role[] = ['auditor', 'admin'];

/** Auditors and admins see every session; approvers and users only the sessions they opened. */
export function canSeeAllSessions(actor: Actor): boolean {
  return SEE_ALL_ROLES.includes(actor.role);
}

/** The condition on gateway_sessions an actor may see: nothing at all for an actor without an id. */
export function visibleSessionsCondition(actor: Actor): SQL | undefined {
  if (canSeeAllSessions(actor)) return undefined;
  if (!actor.id) return sql`false`;
  return eq(gatewaySessions.userId, actor.id);
}

export function sessionNotFound(id: string): AppError {
  return new AppError('NOT_FOUND', `No session with id ${id}`);
}

/** Someone else's session is NOT_FOUND, exactly like a missing one: its existence is not revealed. */
export function assertSessionVisible(actor: Actor, session: Pick<GatewaySessionRow, 'id' | 'userId'> | undefined, id: string): asserts session {
  if (!session) throw sessionNotFound(id);
  if (canSeeAllSessions(actor)) return;
  if (!actor.id || session.userId !== actor.id) throw sessionNotFound(id);
}
