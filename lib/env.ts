import { z } from 'zod';
import { groupRolesSchema } from './auth/group-roles';

const base64Key = z
  .string()
  .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes encoded as base64 (openssl rand -base64 32)');

const envSchema = z.object({
  DATABASE_URL: z.url().default('postgres://postgres@127.0.0.1:5432/gatehouse'),
  DATABASE_APP_URL: z.url().optional(),
  REDIS_URL: z.url().default('redis://127.0.0.1:6379'),
  REDIS_PREFIX: z.string().min(1).default('gatehouse'),
  GATEHOUSE_MASTER_KEY: base64Key.optional(),
  NEXTAUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  PUBLIC_URL: z.url().default('http://localhost:3000'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  GATEWAY_PG_PORT: z.coerce.number().int().min(1).max(65535).default(15432),
  GATEWAY_EMBEDDED: z.enum(['true', 'false']).default('true'),
  GATEWAY_HOST: z.string().min(1).default('127.0.0.1'),
  GATEWAY_TLS_CERT: z.string().min(1).optional(),
  GATEWAY_TLS_KEY: z.string().min(1).optional(),
  GATEWAY_TLS_DIR: z.string().min(1).default('.gatehouse/tls'),
  GATEWAY_ALLOW_CLEARTEXT_LOOPBACK: z.enum(['true', 'false']).default('false'),
  GATEWAY_MAX_MESSAGE_BYTES: z.coerce.number().int().min(1024).default(64 * 1024 * 1024),
  GATEWAY_PREAUTH_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_NAME: z.string().min(1).default('Single sign-on'),
  OIDC_GROUP_ROLES: groupRolesSchema.optional(),
  OIDC_GROUPS_CLAIM: z.string().min(1).default('groups'),
  OIDC_AGENT_AUDIENCE: z.string().min(1).optional(),
  OIDC_CLOCK_SKEW_SECONDS: z.coerce.number().int().min(0).max(300, 'must be at most 300 seconds').default(30),
  OIDC_AGENT_ROLE_CLAIM: z.string().min(1).optional(),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** Parses the environment once; a bad value stops the process with a message naming the variable. */
export function getEnv(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  if (Boolean(env.GATEWAY_TLS_CERT) !== Boolean(env.GATEWAY_TLS_KEY)) {
    throw new Error('Invalid environment configuration:\n  GATEWAY_TLS_CERT and GATEWAY_TLS_KEY must be set together');
  }
  // The issuer serves two things: portal sign-in (with the client id and secret) and agent JWTs (with the audience).
  const portalClient = [env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET];
  const hasPortalClient = Boolean(env.OIDC_ISSUER) && portalClient.every(Boolean);
  const hasAgentAudience = Boolean(env.OIDC_ISSUER && env.OIDC_AGENT_AUDIENCE);
  const isIncomplete = (portalClient.some(Boolean) && !hasPortalClient) || (env.OIDC_AGENT_AUDIENCE && !env.OIDC_ISSUER) || (env.OIDC_ISSUER && !hasPortalClient && !hasAgentAudience);
  if (isIncomplete) {
    throw new Error(
      'Invalid environment configuration:\n  OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together (portal sign-in), and/or OIDC_ISSUER with OIDC_AGENT_AUDIENCE (agent JWTs)',
    );
  }
  cached = env;
  return env;
}

export function resetEnvForTests(): void {
  cached = undefined;
}

export function requireMasterKey(): Buffer {
  const key = getEnv().GATEHOUSE_MASTER_KEY;
  if (!key) {
    throw new Error('GATEHOUSE_MASTER_KEY is not set: run `npm start` once to generate it into .env.local, or export a key from `openssl rand -base64 32`');
  }
  return Buffer.from(key, 'base64');
}

export function isOidcConfigured(env: Env = getEnv()): boolean {
  return Boolean(env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET);
}

/** Agent JWTs are accepted only when both the issuer and the audience they must carry are configured. */
export function isAgentJwtConfigured(env: Env = getEnv()): boolean {
  return Boolean(env.OIDC_ISSUER && env.OIDC_AGENT_AUDIENCE);
}
