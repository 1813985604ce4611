import type { Db } from '../db/client';
import type { DelegationChain, UserRow } from '../db/schema';
import { AppError } from '../errors';
import { authenticateAccessToken } from '../tokens/authenticate-access-token';
import type { Actor } from './actor';
import { agentJwtConfig, type AgentJwtConfig } from './oidc/agent-jwt-config';
import { authenticateAgentJwt } from './oidc/authenticate-agent-jwt';
import { IssuerKeys } from './oidc/issuer-keys';
import { looksLikeJwt } from './oidc/verify-agent-jwt';

export type CallerIdentity = {
  actor: Actor;
  user: UserRow;
  tokenId: string | null;
  authMethod: 'token' | 'jwt';
  /** Whom the caller acts for, outermost first; null when it acts for itself. */
  actingFor: DelegationChain | null;
  /** Targets the credential may reach; null means all. */
  targetIds: string[] | null;
  expiresAt: Date | null;
  /** How refusals name the credential: 'access token "ci"', 'service identity agent@x (JWT)'. */
  credential: string;
};

/** One cache of issuer keys per process: the gateway and the REST API verify against it. */
const issuerKeys = new IssuerKeys();

/**
 * A presented secret (a gateway password, a Bearer header) to the identity it stands for: a
 * Gatehouse access token, or, when it has the shape of a JWT, an agent's JWT from the configured
 * identity provider. Throws UNAUTHORIZED saying why.
 */
export async function authenticateCaller(
  db: Db,
  presented: string,
  options: { config?: AgentJwtConfig | null; keys?: IssuerKeys } = {},
): Promise<CallerIdentity> {
  if (looksLikeJwt(presented)) {
    const config = options.config === undefined ? agentJwtConfig() : options.config;
    if (!config) throw new AppError('UNAUTHORIZED', 'JWT refused: agent JWTs are not enabled here (set OIDC_ISSUER and OIDC_AGENT_AUDIENCE)');
    const agent = await authenticateAgentJwt(db, { token: presented, config, keys: options.keys ?? issuerKeys });
    return { ...agent, tokenId: null, authMethod: 'jwt', credential: `service identity ${agent.user.email} (JWT)` };
  }
  const { actor, token, user } = await authenticateAccessToken(db, presented);
  return {
    actor,
    user,
    tokenId: token.id,
    authMethod: 'token',
    actingFor: token.actingFor,
    targetIds: token.targetIds,
    expiresAt: token.expiresAt,
    credential: `access token "${token.name}"`,
  };
}

/** Whether the credential's scope includes a target: an unscoped one reaches all. */
export function callerAllowsTarget(caller: Pick<CallerIdentity, 'targetIds'>, targetId: string): boolean {
  return caller.targetIds === null || caller.targetIds.includes(targetId);
}
