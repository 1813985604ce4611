import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDb, uniqueName } from '@/test/db';
import { startOidcProvider, type OidcTestProvider } from '@/test/oidc-provider';
import { CLI_ACTOR } from '@/lib/auth/actor';
import { closeDb } from '@/lib/db/client';
import { resetEnvForTests } from '@/lib/env';
import { createUser } from '@/lib/users/create-user';
import { createAccessToken } from '@/lib/tokens/create-access-token';
import { GET as listTokens, POST as createToken } from '@/app/api/v1/tokens/route';
import { POST as createTarget } from '@/app/api/v1/targets/route';

const { db } = setupTestDb();
const agent = { clientId: uniqueName('rest-agent'), clientSecret: 'rest-agent-secret-0123' };
const savedEnv = { ...process.env };
let idp: OidcTestProvider;
let email: string;
const now = () => Math.floor(Date.now() / 1000);

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function call(handler: Handler, bearer: string, method = 'GET', body?: unknown) {
  const req = new Request('http://localhost/api/v1/x', {
    method,
    headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const res = await handler(req, { params: Promise.resolve({}) });
  return { status: res.status, body: (await res.json()) as { error?: { message: string }; tokens?: unknown[] } };
}

beforeAll(async () => {
  idp = await startOidcProvider({ agents: [agent] });
  process.env.OIDC_ISSUER = idp.issuer;
  process.env.OIDC_AGENT_AUDIENCE = idp.audience;
  process.env.OIDC_AGENT_ROLE_CLAIM = 'gatehouse_role';
  resetEnvForTests();
  email = `${uniqueName('rest-svc')}@agents.test`;
  await createUser(db, { actor: CLI_ACTOR, input: { email, role: 'admin', kind: 'service', oidcSubject: agent.clientId } });
});

afterAll(async () => {
  process.env = { ...savedEnv };
  resetEnvForTests();
  await idp.stop();
  await closeDb();
});

describe('Authorization: Bearer <JWT> on the REST API', () => {
  it('authenticates as the mapped service identity', async () => {
    const { record } = await createAccessToken(db, { actor: CLI_ACTOR, input: { name: 'own', userEmail: email } });
    expect(await call(listTokens, await idp.agentToken(agent))).toMatchObject({ status: 200 });
    // As a plain user (lowered by the claim) the identity sees its own tokens only.
    const asUser = await idp.signWithProviderKey({ iss: idp.issuer, aud: idp.audience, sub: agent.clientId, exp: now() + 60, gatehouse_role: 'user' });
    expect(await call(listTokens, asUser)).toMatchObject({ status: 200, body: { tokens: [{ id: record.id, userEmail: email }] } });
  });

  it('answers 401 with the reason for a bad JWT', async () => {
    const expired = await idp.signWithProviderKey({ iss: idp.issuer, aud: idp.audience, sub: agent.clientId, exp: now() - 600 });
    expect(await call(listTokens, expired)).toMatchObject({ status: 401, body: { error: { message: expect.stringMatching(/^JWT refused: it expired at /) } } });
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ iss: idp.issuer, aud: idp.audience, sub: agent.clientId, exp: now() + 60 })).toString('base64url')}.`;
    expect(await call(listTokens, unsigned)).toMatchObject({ status: 401, body: { error: { message: 'JWT refused: unsupported algorithm "none"; Gatehouse accepts RS256, PS256, ES256, EdDSA' } } });
  });

  it('lets the role claim lower the identity’s role, and a JWT mint no tokens', async () => {
    const lowered = await idp.signWithProviderKey({ iss: idp.issuer, aud: idp.audience, sub: agent.clientId, exp: now() + 60, gatehouse_role: 'user' });
    expect(await call(createTarget, lowered, 'POST', {})).toMatchObject({ status: 403, body: { error: { message: 'This needs the admin role; you are user' } } });
    expect(await call(createToken, await idp.agentToken(agent), 'POST', { name: 'escalate' })).toMatchObject({ status: 403 });
  });

  it('refuses JWTs when agent JWTs are not configured', async () => {
    const token = await idp.agentToken(agent);
    delete process.env.OIDC_AGENT_AUDIENCE;
    process.env.OIDC_CLIENT_ID = 'portal';
    process.env.OIDC_CLIENT_SECRET = 'portal-secret';
    resetEnvForTests();
    try {
      expect(await call(listTokens, token)).toMatchObject({ status: 401, body: { error: { message: expect.stringContaining('agent JWTs are not enabled here') } } });
    } finally {
      process.env.OIDC_AGENT_AUDIENCE = idp.audience;
      resetEnvForTests();
    }
  });
});
