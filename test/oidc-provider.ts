import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import Provider, { type ClientMetadata } from 'oidc-provider';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';

/**
 * A real OpenID Provider (the certified `oidc-provider` package) for tests: a login form that
 * accepts any name (devInteractions), a web client for the portal's sign-in, and confidential
 * clients that get JWT access tokens by client credentials, as agents would. Not a mock: tokens
 * are signed with its RSA key and published at its JWKS endpoint.
 */
export type OidcAgent = { clientId: string; clientSecret: string; act?: Record<string, unknown> };
export type OidcAccount = { email: string; name?: string; groups?: string[] };

export type OidcTestProvider = {
  issuer: string;
  audience: string;
  /** A client-credentials JWT access token from the token endpoint. */
  agentToken(agent: OidcAgent): Promise<string>;
  /** A token signed with the provider's key but claims of the test's choosing (expired, wrong audience...). */
  signWithProviderKey(claims: JWTPayload, header?: { alg?: string; kid?: string }): Promise<string>;
  stop(): Promise<void>;
};

export type OidcProviderOptions = {
  port?: number;
  audience?: string;
  webClient?: { clientId: string; clientSecret: string; redirectUris: string[] };
  agents?: OidcAgent[];
  /** Accounts by login name; a login not listed signs in with itself as e-mail and no groups. */
  accounts?: Record<string, OidcAccount>;
};

const KID = 'gatehouse-test-key';

export async function startOidcProvider(options: OidcProviderOptions = {}): Promise<OidcTestProvider> {
  const audience = options.audience ?? 'urn:gatehouse:gateway';
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: KID, alg: 'RS256', use: 'sig' };
  const agents = options.agents ?? [];
  const clients: ClientMetadata[] = agents.map((a) => ({
    client_id: a.clientId,
    client_secret: a.clientSecret,
    grant_types: ['client_credentials'],
    redirect_uris: [],
    response_types: [],
    scope: 'gateway',
  }));
  if (options.webClient) {
    clients.push({
      client_id: options.webClient.clientId,
      client_secret: options.webClient.clientSecret,
      redirect_uris: options.webClient.redirectUris,
      grant_types: ['authorization_code'],
      response_types: ['code'],
    });
  }
  const server = await listen(options.port ?? 0);
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients,
    jwks: { keys: [jwk as never] },
    scopes: ['openid', 'email', 'profile', 'gateway'],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
    pkce: { required: () => false },
    features: {
      devInteractions: { enabled: true },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => audience,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({ scope: 'gateway', audience, accessTokenFormat: 'jwt', accessTokenTTL: 600, jwt: { sign: { alg: 'RS256' } } }),
      },
    },
    extraTokenClaims: (_ctx, token) => {
      const agent = agents.find((a) => a.clientId === (token as { clientId?: string }).clientId);
      return agent?.act ? { act: agent.act } : undefined;
    },
    async findAccount(_ctx, id) {
      const account: OidcAccount = options.accounts?.[id] ?? { email: id };
      return {
        accountId: id,
        claims: async () => ({ sub: id, email: account.email, email_verified: true, name: account.name ?? account.email, groups: account.groups ?? [] }),
      };
    },
  });
  server.on('request', provider.callback());
  return {
    issuer,
    audience,
    async agentToken(agent) {
      const res = await fetch(`${issuer}/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${agent.clientId}:${agent.clientSecret}`).toString('base64')}` },
        body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'gateway', resource: audience }),
      });
      const body = (await res.json()) as { access_token?: string; error?: string; error_description?: string };
      if (!body.access_token) throw new Error(`the test OIDC provider refused a token: ${body.error} ${body.error_description ?? ''}`);
      return body.access_token;
    },
    async signWithProviderKey(claims, header = {}) {
      return new SignJWT(claims).setProtectedHeader({ alg: header.alg ?? 'RS256', kid: header.kid ?? KID, typ: 'at+jwt' }).sign(privateKey);
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function listen(port: number): Promise<Server> {
  const { createServer } = await import('node:http');
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return server;
}
