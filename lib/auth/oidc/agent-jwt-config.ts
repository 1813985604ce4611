import { getEnv, isAgentJwtConfigured, type Env } from '../../env';

/** What an agent's JWT must satisfy; null when agent JWTs are not configured. */
export type AgentJwtConfig = {
  issuer: string;
  audience: string;
  clockSkewSeconds: number;
  /** A claim that may lower the service identity's role (never raise it). */
  roleClaim: string | null;
};

export function agentJwtConfig(env: Env = getEnv()): AgentJwtConfig | null {
  if (!isAgentJwtConfigured(env)) return null;
  return {
    issuer: env.OIDC_ISSUER!,
    audience: env.OIDC_AGENT_AUDIENCE!,
    clockSkewSeconds: env.OIDC_CLOCK_SKEW_SECONDS,
    roleClaim: env.OIDC_AGENT_ROLE_CLAIM ?? null,
  };
}
