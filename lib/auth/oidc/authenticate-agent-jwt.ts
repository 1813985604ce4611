import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { users, type DelegationChain, type UserRow } from '../../db/schema';
import { AppError } from '../../errors';
import type { Actor } from '../actor';
import { actorFromUser } from '../actor-from-user';
import type { AgentJwtConfig } from './agent-jwt-config';
import { agentRole } from './agent-role';
import type { IssuerKeys } from './issuer-keys';
import { verifyAgentJwt } from './verify-agent-jwt';

export type AgentJwtIdentity = { actor: Actor; user: UserRow; expiresAt: Date; actingFor: DelegationChain | null; targetIds: string[] | null };

/**
 * An agent's JWT to the service identity an admin created for its subject (users.oidc_subject).
 * The subject must belong to an enabled service identity; the role is the identity's, lowered by
 * the role claim when configured; the target scope is the identity's.
 */
export async function authenticateAgentJwt(db: Db, options: { token: string; config: AgentJwtConfig; keys: IssuerKeys }): Promise<AgentJwtIdentity> {
  const jwt = await verifyAgentJwt(options.token, options);
  const [user] = await db.select().from(users).where(eq(users.oidcSubject, jwt.subject));
  if (!user || user.kind !== 'service') {
    throw new AppError('UNAUTHORIZED', `JWT refused: no service identity for subject "${jwt.subject}"; an admin must create one`);
  }
  if (user.disabledAt) throw new AppError('UNAUTHORIZED', `JWT refused: service identity ${user.email} (subject "${jwt.subject}") is disabled`);
  const role = agentRole(user.role, jwt.claims, options.config.roleClaim);
  return {
    actor: { ...actorFromUser(user, 'token'), role },
    user,
    expiresAt: jwt.expiresAt,
    actingFor: jwt.actingFor,
    targetIds: user.targetIds,
  };
}
