import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { exportSPKI, importJWK, SignJWT, type JWK } from 'jose';
import { startOidcProvider, type OidcTestProvider } from '@/test/oidc-provider';
import { IssuerKeys } from './issuer-keys';
import { looksLikeJwt, verifyAgentJwt } from './verify-agent-jwt';
import type { AgentJwtConfig } from './agent-jwt-config';

const agent = { clientId: 'agent-verify', clientSecret: 'agent-verify-secret', act: { sub: 'parent-agent', act: { sub: 'alice', email: 'alice@example.test' } } };
let idp: OidcTestProvider;
let other: OidcTestProvider;
let config: AgentJwtConfig;
const keys = new IssuerKeys({ timeoutMs: 2000, cooldownMs: 0, maxAgeMs: 60_000 });
const now = () => Math.floor(Date.now() / 1000);
const verify = (token: string, c: AgentJwtConfig = config) => verifyAgentJwt(token, { config: c, keys });
const claims = (extra: Record<string, unknown> = {}) => ({ iss: idp.issuer, aud: idp.audience, sub: agent.clientId, iat: now(), exp: now() + 300, ...extra });

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

beforeAll(async () => {
  idp = await startOidcProvider({ agents: [agent] });
  other = await startOidcProvider({ agents: [agent] });
  config = { issuer: idp.issuer, audience: idp.audience, clockSkewSeconds: 30, roleClaim: null };
});
afterAll(async () => {
  await idp.stop();
  await other.stop();
});

describe('verifying an agent JWT against the real provider', () => {
  it('accepts a client-credentials token: subject, expiry and the delegation chain from act', async () => {
    const token = await idp.agentToken(agent);
    expect(looksLikeJwt(token)).toBe(true);
    const jwt = await verify(token);
    expect(jwt.subject).toBe(agent.clientId);
    expect(jwt.expiresAt.getTime()).toBeGreaterThan(Date.now());
    expect(jwt.actingFor).toEqual([{ sub: 'parent-agent' }, { sub: 'alice', email: 'alice@example.test' }]);
  });

  it('honours exp and nbf within the clock skew, and refuses outside it', async () => {
    await expect(verify(await idp.signWithProviderKey(claims({ exp: now() - 10 })))).resolves.toMatchObject({ subject: agent.clientId });
    await expect(verify(await idp.signWithProviderKey(claims({ exp: now() - 120 })))).rejects.toThrow(/JWT refused: it expired at .*clock skew allowed: 30 s/);
    await expect(verify(await idp.signWithProviderKey(claims({ nbf: now() + 600 })))).rejects.toThrow(/not valid yet \(nbf /);
    await expect(verify(await idp.signWithProviderKey(claims({ iat: now() + 600 })))).rejects.toThrow(/not valid yet: issued in the future/);
    await expect(verify(await idp.signWithProviderKey(claims({ exp: undefined })))).rejects.toThrow('it has no "exp" claim; Gatehouse accepts only JWTs that expire');
  });

  it('refuses the wrong audience and the wrong issuer, naming both', async () => {
    await expect(verify(await idp.signWithProviderKey(claims({ aud: 'urn:someone-else' })))).rejects.toThrow(`its audience is "urn:someone-else"; Gatehouse accepts "${idp.audience}"`);
    await expect(verify(await other.agentToken(agent))).rejects.toThrow(`it was issued by "${other.issuer}"; Gatehouse accepts JWTs from "${idp.issuer}"`);
  });

  it('refuses a token signed by another key, or by a key the issuer does not publish', async () => {
    const forged = await other.signWithProviderKey(claims());
    await expect(verify(forged)).rejects.toThrow(`its signature does not verify against the keys of ${idp.issuer}`);
    await expect(verify(await idp.signWithProviderKey(claims(), { kid: 'not-published' }))).rejects.toThrow(`signed with a key (kid "not-published") that ${idp.issuer} does not publish`);
  });

  it('refuses alg none and HS256 keyed with the public key', async () => {
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.`;
    await expect(verify(unsigned)).rejects.toThrow('unsupported algorithm "none"; Gatehouse accepts RS256, PS256, ES256, EdDSA');
    const { keys: published } = (await (await fetch(`${idp.issuer}/jwks`)).json()) as { keys: JWK[] };
    const pem = await exportSPKI((await importJWK(published[0]!, 'RS256', { extractable: true })) as CryptoKey);
    const input = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims())}`;
    const hs256 = `${input}.${createHmac('sha256', pem).update(input).digest('base64url')}`;
    await expect(verify(hs256)).rejects.toThrow('unsupported algorithm "HS256"');
    const joseHs = await new SignJWT(claims()).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(pem));
    await expect(verify(joseHs)).rejects.toThrow('unsupported algorithm "HS256"');
  });

  it('refuses malformed tokens and a malformed act claim', async () => {
    await expect(verify('eyJhbGciOiJSUzI1NiJ9.not json.x')).rejects.toThrow(/JWT refused: malformed/);
    await expect(verify(`${b64({ alg: 'RS256' })}.bm90IGpzb24.sig`)).rejects.toThrow(/JWT refused: malformed/);
    await expect(verify(await idp.signWithProviderKey(claims({ act: { name: 'no sub' } })))).rejects.toThrow('its "act" claim is malformed');
    let deep: Record<string, unknown> = { sub: 'root' };
    for (let i = 0; i < 9; i++) deep = { sub: `level-${i}`, act: deep };
    await expect(verify(await idp.signWithProviderKey(claims({ act: deep })))).rejects.toThrow('delegation chain is deeper than 8');
  });

  it('fails closed when the issuer cannot be reached', async () => {
    const gone = await startOidcProvider();
    await gone.stop();
    const token = await gone.signWithProviderKey({ iss: gone.issuer, aud: gone.audience, sub: 'x', exp: now() + 60 });
    await expect(verify(token, { ...config, issuer: gone.issuer, audience: gone.audience })).rejects.toThrow(
      new RegExp(`the identity provider ${gone.issuer} cannot be reached for its keys .*; try again later`),
    );
  });

  it('follows a key rotation: a token under a new key refetches the JWKS', async () => {
    const first = await startOidcProvider({ agents: [agent] });
    const port = new URL(first.issuer).port;
    const rotatingConfig = { ...config, issuer: first.issuer, audience: first.audience };
    await expect(verify(await first.agentToken(agent), rotatingConfig)).resolves.toMatchObject({ subject: agent.clientId });
    await first.stop();
    const rotated = await startOidcProvider({ agents: [agent], port: Number(port) });
    try {
      await expect(verify(await rotated.agentToken(agent), rotatingConfig)).resolves.toMatchObject({ subject: agent.clientId });
      await expect(verify(await rotated.signWithProviderKey({ iss: rotated.issuer, aud: rotated.audience, sub: 'x', exp: now() + 60 }, { kid: 'next-key' }), rotatingConfig)).rejects.toThrow('does not publish');
    } finally {
      await rotated.stop();
    }
  });
});
