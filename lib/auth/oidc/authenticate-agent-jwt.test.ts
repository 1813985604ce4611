import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDb, uniqueName } from '@/test/db';
import { startOidcProvider, type OidcTestProvider } from '@/test/oidc-provider';
import { CLI_ACTOR } from '@/lib/auth/actor';
import { createUser } from '@/lib/users/create-user';
import { updateUser } from '@/lib/users/update-user';
import { createTarget } from '@/lib/targets/create-target';
import { createAccessToken } from '@/lib/tokens/create-access-token';
import { authenticateCaller, callerAllowsTarget } from '../authenticate-caller';
import { IssuerKeys } from './issuer-keys';
import type { AgentJwtConfig } from './agent-jwt-config';

const { db } = setupTestDb();
const agent = { clientId: uniqueName('map-agent'), clientSecret: 'map-agent-secret-0123', act: { sub: 'alice' } };
let idp: OidcTestProvider;
let config: AgentJwtConfig;
const keys = new IssuerKeys();
const authenticate = (presented: string, c: AgentJwtConfig | null = config) => authenticateCaller(db, presented, { config: c, keys });

beforeAll(async () => {
  idp = await startOidcProvider({ agents: [agent] });
  config = { issuer: idp.issuer, audience: idp.audience, clockSkewSeconds: 30, roleClaim: 'gatehouse_role' };
});
afterAll(() => idp.stop());

describe('a presented secret to an identity', () => {
  it('maps a JWT to the service identity with its subject, scope and delegation', async () => {
    const target = await createTarget(db, { actor: CLI_ACTOR, input: { name: uniqueName('scope'), host: '127.0.0.1', port: 1, database: 'x', username: 'x', password: 'x', tlsMode: 'disable' } });
    const { user } = await createUser(db, { actor: CLI_ACTOR, input: { email: `${uniqueName('svc')}@agents.test`, role: 'approver', kind: 'service', oidcSubject: agent.clientId, targets: [target.name] } });
    const caller = await authenticate(await idp.agentToken(agent));
    expect(caller).toMatchObject({ authMethod: 'jwt', tokenId: null, targetIds: [target.id], actingFor: [{ sub: 'alice' }], actor: { id: user.id, role: 'approver', via: 'token' } });
    expect(caller.expiresAt!.getTime()).toBeGreaterThan(Date.now());
    expect(callerAllowsTarget(caller, target.id)).toBe(true);
    expect(callerAllowsTarget(caller, '00000000-0000-0000-0000-000000000000')).toBe(false);

    const lowered = await idp.signWithProviderKey({ iss: idp.issuer, aud: idp.audience, sub: agent.clientId, exp: Math.floor(Date.now() / 1000) + 60, gatehouse_role: 'auditor' });
    expect((await authenticate(lowered)).actor.role).toBe('auditor');

    await updateUser(db, { actor: CLI_ACTOR, userId: user.id, input: { oidcSubject: null, targets: null } });
    await expect(authenticate(await idp.agentToken(agent))).rejects.toThrow(`JWT refused: no service identity for subject "${agent.clientId}"; an admin must create one`);
  });

  it('still takes access tokens, and refuses JWTs where they are not configured', async () => {
    const { user } = await createUser(db, { actor: CLI_ACTOR, input: { email: `${uniqueName('svc')}@agents.test`, role: 'user', kind: 'service' } });
    const { token } = await createAccessToken(db, { actor: CLI_ACTOR, input: { name: 'plain', userEmail: user.email } });
    expect(await authenticate(token)).toMatchObject({ authMethod: 'token', actingFor: null, targetIds: null, credential: 'access token "plain"' });
    await expect(authenticate(await idp.agentToken(agent), null)).rejects.toThrow('agent JWTs are not enabled here (set OIDC_ISSUER and OIDC_AGENT_AUDIENCE)');
  });

  it('gives subjects and scopes to service identities only, one identity per subject', async () => {
    const person = `${uniqueName('person')}@people.test`;
    await expect(createUser(db, { actor: CLI_ACTOR, input: { email: person, role: 'user', oidcSubject: 'someone' } })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      fieldErrors: { oidcSubject: ['Only for service identities'] },
    });
    const subject = uniqueName('shared');
    await createUser(db, { actor: CLI_ACTOR, input: { email: `${uniqueName('svc')}@agents.test`, role: 'user', kind: 'service', oidcSubject: subject } });
    await expect(createUser(db, { actor: CLI_ACTOR, input: { email: `${uniqueName('svc')}@agents.test`, role: 'user', kind: 'service', oidcSubject: subject } })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: `Subject "${subject}" already belongs to another service identity`,
    });
    await expect(createUser(db, { actor: CLI_ACTOR, input: { email: `${uniqueName('svc')}@agents.test`, role: 'user', kind: 'service', targets: ['no-such-target'] } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('resolves a token’s acting-for chain to users, refusing unknown ones', async () => {
    const { user: owner } = await createUser(db, { actor: CLI_ACTOR, input: { email: `${uniqueName('svc')}@agents.test`, role: 'user', kind: 'service' } });
    await expect(createAccessToken(db, { actor: CLI_ACTOR, input: { name: 'x', userEmail: owner.email, actingFor: ['nobody@people.test'] } })).rejects.toThrow('No user with e-mail nobody@people.test to act for');
    await expect(createAccessToken(db, { actor: CLI_ACTOR, input: { name: 'x', userEmail: owner.email, actingFor: [owner.email] } })).rejects.toThrow('it cannot act for itself');
  });
});
