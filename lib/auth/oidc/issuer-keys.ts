import { z } from 'zod';
import { createRemoteJWKSet, type RemoteJWKSet } from 'jose';
import { AppError } from '../../errors';

export type IssuerKeysOptions = {
  /** Each HTTP request to the issuer (discovery, JWKS) gives up after this long. */
  timeoutMs: number;
  /** An unknown key id refetches the JWKS at most this often. */
  cooldownMs: number;
  /** Keys are refetched before use once older than this. */
  maxAgeMs: number;
};

export const DEFAULT_ISSUER_KEYS_OPTIONS: IssuerKeysOptions = { timeoutMs: 5_000, cooldownMs: 30_000, maxAgeMs: 10 * 60_000 };

const discoverySchema = z.object({ issuer: z.string(), jwks_uri: z.url() });

/**
 * The signing keys of issuers, found through OpenID discovery and fetched with jose's remote key
 * set: cached, refetched when a token names an unknown `kid` (at most once per cooldown), every
 * request bounded by a timeout. A failed discovery is not cached, so the next token tries again;
 * until then tokens are refused (fail closed).
 * https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderMetadata
 */
export class IssuerKeys {
  private readonly sets = new Map<string, RemoteJWKSet>();

  constructor(private readonly options: IssuerKeysOptions = DEFAULT_ISSUER_KEYS_OPTIONS) {}

  async keySet(issuer: string): Promise<RemoteJWKSet> {
    const known = this.sets.get(issuer);
    if (known) return known;
    const set = createRemoteJWKSet(await discoverJwksUri(issuer, this.options.timeoutMs), {
      timeoutDuration: this.options.timeoutMs,
      cooldownDuration: this.options.cooldownMs,
      cacheMaxAge: this.options.maxAgeMs,
    });
    this.sets.set(issuer, set);
    return set;
  }

  clear(): void {
    this.sets.clear();
  }
}

async function discoverJwksUri(issuer: string, timeoutMs: number): Promise<URL> {
  const url = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  let body: unknown;
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    body = await res.json();
  } catch (e) {
    throw issuerUnreachable(issuer, (e as Error).message);
  }
  const parsed = discoverySchema.safeParse(body);
  if (!parsed.success) throw issuerUnreachable(issuer, 'its discovery document has no valid jwks_uri');
  if (parsed.data.issuer !== issuer) throw issuerUnreachable(issuer, `its discovery document names issuer ${parsed.data.issuer}`);
  return new URL(parsed.data.jwks_uri);
}

export function issuerUnreachable(issuer: string, reason: string): AppError {
  return new AppError('UNAUTHORIZED', `JWT refused: the identity provider ${issuer} cannot be reached for its keys (${reason}); try again later`);
}
