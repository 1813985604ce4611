import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import pg from 'pg';
import { SignJWT } from 'jose';
import { setupTestDb, uniqueName } from '@/test/db';
import { setupGateway } from '@/test/gateway-harness';
import { startOidcProvider, type OidcTestProvider } from '@/test/oidc-provider';
import { CLI_ACTOR } from '@/lib/auth/actor';
import { resetEnvForTests } from '@/lib/env';
import { auditEvents, gatewaySessions, statements, users } from '@/lib/db/schema';
import { createUser } from '@/lib/users/create-user';
import { createTarget } from '@/lib/targets/create-target';
import { createAccessToken } from '@/lib/tokens/create-access-token';
import { queryAuditStatements } from '@/lib/audit/audit-statement-query';
import { auditFilterSchema } from '@/lib/audit/audit-filter';
import { getSession } from '@/lib/sessions/get-session';

const run = promisify(execFile);
const store = setupTestDb();
const { db } = store;
// Cleartext is allowed on loopback here, so the JWT refusal below is the JWT rule, not the TLS default.
const gw = setupGateway(store, { cleartextOnLoopback: true });

const agent = { clientId: uniqueName('agent'), clientSecret: 'agent-secret-0123456789', act: { sub: 'parent-agent', act: { sub: 'alice', email: 'alice@example.test' } } };
const plain = { clientId: uniqueName('plain-agent'), clientSecret: 'plain-secret-0123456789' };
const stranger = { clientId: uniqueName('stranger'), clientSecret: 'stranger-secret-0123456789' };
const scoped = { clientId: uniqueName('scoped'), clientSecret: 'scoped-secret-0123456789' };
const disabled = { clientId: uniqueName('disabled'), clientSecret: 'disabled-secret-0123456789' };
let idp: OidcTestProvider;
let otherIdp: OidcTestProvider;
let agentEmail: string;
const savedEnv = { ...process.env };
const now = () => Math.floor(Date.now() / 1000);
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

function useIssuer(issuer: string, audience: string) {
  process.env.OIDC_ISSUER = issuer;
  process.env.OIDC_AGENT_AUDIENCE = audience;
  resetEnvForTests();
}

async function serviceIdentity(subject: string, targets?: string[]) {
  const email = `${uniqueName('svc')}@agents.test`;
  await createUser(db, { actor: CLI_ACTOR, input: { email, role: 'user', kind: 'service', oidcSubject: subject, targets } });
  return email;
}

beforeAll(async () => {
  idp = await startOidcProvider({ agents: [agent, plain, stranger, scoped, disabled] });
  otherIdp = await startOidcProvider({ agents: [agent] });
  useIssuer(idp.issuer, idp.audience);
  agentEmail = await serviceIdentity(agent.clientId);
  await serviceIdentity(plain.clientId);
  const elsewhere = await createTarget(db, {
    actor: CLI_ACTOR,
    input: { name: uniqueName('elsewhere'), host: '127.0.0.1', port: 1, database: 'x', username: 'x', password: 'x', tlsMode: 'disable' },
  });
  await serviceIdentity(scoped.clientId, [elsewhere.name]);
  await serviceIdentity(disabled.clientId);
  await db.update(users).set({ disabledAt: new Date() }).where(eq(users.oidcSubject, disabled.clientId));
});

afterAll(async () => {
  process.env = { ...savedEnv };
  resetEnvForTests();
  await idp?.stop();
  await otherIdp?.stop();
});

function client(password: string, ssl = true) {
  return new pg.Client({ connectionString: gw.connectionString(password).replace('?sslmode=require', ''), ssl: ssl ? { rejectUnauthorized: false } : false });
}

async function refusal(password: string, ssl = true): Promise<string> {
  const c = client(password, ssl);
  try {
    await c.connect();
  } catch (e) {
    return (e as Error).message;
  } finally {
    await c.end().catch(() => {});
  }
  throw new Error('the gateway accepted the connection');
}

async function sessionOf(marker: string) {
  await gw.audit.flush();
  const [row] = await db
    .select({ session: gatewaySessions })
    .from(statements)
    .innerJoin(gatewaySessions, eq(gatewaySessions.id, statements.sessionId))
    .where(eq(statements.text, marker));
  return row!.session;
}

const claims = (extra: Record<string, unknown> = {}) => ({ iss: idp.issuer, aud: idp.audience, sub: plain.clientId, iat: now(), exp: now() + 300, ...extra });

describe('agents connecting with the identity provider’s JWT', () => {
  it('psql with PGPASSWORD=$JWT over TLS runs as the mapped service identity, recording the method and the act chain', async () => {
    const jwt = await idp.agentToken(agent);
    const marker = `select 'jwt-psql-${Date.now().toString(36)}'`;
    const url = `postgres://agent@127.0.0.1:${gw.port}/${gw.targetName}?sslmode=require`;
    const { stdout } = await run('psql', ['-X', '-At', '-c', marker, url], { env: { ...process.env, PGPASSWORD: jwt } });
    expect(stdout.trim()).toMatch(/^jwt-psql-/);
    const session = await sessionOf(marker);
    expect(session).toMatchObject({ userEmail: agentEmail, tokenId: null, authMethod: 'jwt' });
    expect(session.actingFor).toEqual([{ sub: 'parent-agent' }, { sub: 'alice', email: 'alice@example.test' }]);
    const [started] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'session.started'), eq(auditEvents.subjectId, session.id)));
    expect(started!.summary).toBe(`${agentEmail} acting for parent-agent, acting for alice@example.test connected to ${gw.targetName}`);
    expect(started!.details).toMatchObject({ authMethod: 'jwt', tokenId: null, actingFor: session.actingFor });
    expect(await getSession(db, { actor: { ...CLI_ACTOR, role: 'auditor' }, id: session.id })).toMatchObject({ authMethod: 'jwt', actingFor: session.actingFor });
    const [found] = await queryAuditStatements(db, auditFilterSchema.parse({ target: gw.targetName, q: marker.slice(8, -1) }), 5);
    expect(found).toMatchObject({ userEmail: agentEmail, actingFor: session.actingFor, summary: expect.stringContaining(`${agentEmail} acting for parent-agent, acting for alice@example.test ran`) });
  });

  it('refuses a JWT on a cleartext link even where access tokens may use one', async () => {
    const c = client(await gw.tokenFor(), false);
    await c.connect();
    await c.end();
    expect(await refusal(await idp.agentToken(plain), false)).toBe('Gatehouse: a JWT must be sent over TLS: connect with sslmode=require');
  });

  it.each([
    ['expired', () => idp.signWithProviderKey(claims({ exp: now() - 120 })), /JWT refused: it expired at /],
    ['not yet valid', () => idp.signWithProviderKey(claims({ nbf: now() + 600 })), /JWT refused: it is not valid yet/],
    ['for another audience', () => idp.signWithProviderKey(claims({ aud: 'urn:another-service' })), /JWT refused: its audience is "urn:another-service"/],
    ['from another issuer', () => otherIdp.agentToken(agent), /JWT refused: it was issued by "http:\/\/127\.0\.0\.1:\d+"; Gatehouse accepts JWTs from/],
    ['signed by another key', () => otherIdp.signWithProviderKey(claims()), /JWT refused: its signature does not verify against the keys of/],
    ['signed by a key the issuer does not publish', () => idp.signWithProviderKey(claims(), { kid: 'rotated-away' }), /JWT refused: it is signed with a key \(kid "rotated-away"\) that .* does not publish/],
    ['unsigned (alg none)', async () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.`, /JWT refused: unsupported algorithm "none"/],
    ['HS256 keyed with the public key', hs256WithPublicKey, /JWT refused: unsupported algorithm "HS256"/],
    ['for a subject without a service identity', () => idp.agentToken(stranger), /JWT refused: no service identity for subject "stranger-[0-9a-f]+"; an admin must create one/],
    ['of a disabled service identity', () => idp.agentToken(disabled), /JWT refused: service identity .* is disabled/],
    ['for a target outside the identity’s scope', () => idp.agentToken(scoped), /Gatehouse: service identity .* \(JWT\) is not allowed to reach target/],
  ])('refuses a JWT %s with a clear message', async (_case, make, message) => {
    expect(await refusal(await make())).toMatch(message);
  });

  it('refuses every JWT while the issuer cannot be reached', async () => {
    const gone = await startOidcProvider();
    await gone.stop();
    useIssuer(gone.issuer, gone.audience);
    try {
      const token = await gone.signWithProviderKey({ iss: gone.issuer, aud: gone.audience, sub: plain.clientId, exp: now() + 60 });
      expect(await refusal(token)).toMatch(/JWT refused: the identity provider .* cannot be reached for its keys/);
    } finally {
      useIssuer(idp.issuer, idp.audience);
    }
  });

  it('ends the session when its JWT expires', async () => {
    const c = client(await idp.signWithProviderKey(claims({ exp: now() + 2 })));
    const ended = new Promise<Error>((resolve) => c.on('error', resolve));
    await c.connect();
    const marker = `select 'expiring-${Date.now().toString(36)}'`;
    await c.query(marker);
    expect((await ended).message).toBe('Gatehouse: your token expired');
    const { id } = await sessionOf(marker);
    for (let i = 0; i < 50; i++) {
      const [row] = await db.select().from(gatewaySessions).where(eq(gatewaySessions.id, id));
      if (row?.endedAt) return expect(row.endReason).toBe('your token expired');
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the session row was not ended');
  });

  it('records the delegation chain of an access token acting for someone', async () => {
    const alice = `${uniqueName('alice')}@people.test`;
    await createUser(db, { actor: CLI_ACTOR, input: { email: alice, name: 'Alice', role: 'user', password: 'alice-password-123' } });
    const { token } = await createAccessToken(db, { actor: CLI_ACTOR, input: { name: 'on-behalf', userEmail: agentEmail, actingFor: [alice] } });
    const c = client(token);
    await c.connect();
    const marker = `select 'token-acting-${Date.now().toString(36)}'`;
    await c.query(marker);
    await c.end();
    const session = await sessionOf(marker);
    const [aliceRow] = await db.select().from(users).where(eq(users.email, alice));
    expect(session).toMatchObject({ authMethod: 'token', userEmail: agentEmail, actingFor: [{ sub: aliceRow!.id, email: alice, name: 'Alice' }] });
  });
});

async function hs256WithPublicKey(): Promise<string> {
  const { keys } = (await (await fetch(`${idp.issuer}/jwks`)).json()) as { keys: { n: string }[] };
  return new SignJWT(claims()).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(Buffer.from(keys[0]!.n, 'base64url'));
}
