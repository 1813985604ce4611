import { decodeJwt, decodeProtectedHeader, errors, jwtVerify, type JWTPayload, type ProtectedHeaderParameters, type RemoteJWKSet } from 'jose';
import type { DelegationChain } from '../../db/schema';
import { AppError } from '../../errors';
import type { AgentJwtConfig } from './agent-jwt-config';
import { issuerUnreachable, type IssuerKeys } from './issuer-keys';
import { delegationChainFromAct } from './delegation-chain';

/** Asymmetric algorithms only: never `none`, never HS* (a public key must not double as a shared secret). */
export const AGENT_JWT_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'] as const;

export type VerifiedAgentJwt = { subject: string; claims: JWTPayload; expiresAt: Date; actingFor: DelegationChain | null };

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** Three base64url segments, the header a JSON object: a JWT (compact JWS), not a Gatehouse access token. */
export function looksLikeJwt(value: string): boolean {
  return value.startsWith('eyJ') && JWT_SHAPE.test(value);
}

const refuse = (reason: string) => new AppError('UNAUTHORIZED', `JWT refused: ${reason}`);
const at = (seconds: unknown) => (typeof seconds === 'number' ? new Date(seconds * 1000).toISOString() : String(seconds));

/**
 * Verifies an agent's JWT. The header and claims are read unverified first only to refuse early with
 * a precise reason (malformed, algorithm, issuer); then the signature is checked against the issuer's
 * JWKS and `aud`, `exp` (required), `nbf` and `iat` within the configured clock skew. A signature
 * that fails against a cached key refetches the key set once (outside the cooldown): an issuer may
 * rotate a key and keep its kid. Every refusal is UNAUTHORIZED with a message saying why.
 */
export async function verifyAgentJwt(token: string, options: { config: AgentJwtConfig; keys: IssuerKeys; now?: Date }): Promise<VerifiedAgentJwt> {
  const { config } = options;
  const { header, claims } = decodeUnverified(token);
  if (!(AGENT_JWT_ALGORITHMS as readonly string[]).includes(header.alg ?? '')) {
    throw refuse(`unsupported algorithm "${header.alg ?? '(none given)'}"; Gatehouse accepts ${AGENT_JWT_ALGORITHMS.join(', ')}`);
  }
  if (claims.iss !== config.issuer) throw refuse(`it was issued by "${claims.iss ?? '(no iss)'}"; Gatehouse accepts JWTs from "${config.issuer}"`);
  const keySet = await options.keys.keySet(config.issuer);
  const verified = await verifyWith(token, keySet, config, options.now).catch(async (e: unknown) => {
    if (!(e instanceof errors.JWSSignatureVerificationFailed) || keySet.coolingDown) throw e;
    await keySet.reload();
    return verifyWith(token, keySet, config, options.now);
  }).catch((e: unknown) => {
    throw explain(e, config, header);
  });
  const now = (options.now ?? new Date()).getTime() / 1000;
  if (typeof verified.iat === 'number' && verified.iat > now + config.clockSkewSeconds) {
    throw refuse(`it is not valid yet: issued in the future (iat ${at(verified.iat)})`);
  }
  return {
    subject: verified.sub!,
    claims: verified,
    expiresAt: new Date(verified.exp! * 1000),
    actingFor: delegationChainFromAct(verified.act),
  };
}

function decodeUnverified(token: string): { header: ProtectedHeaderParameters; claims: JWTPayload } {
  if (!JWT_SHAPE.test(token)) throw refuse('malformed (a JWT is three base64url parts separated by dots)');
  try {
    return { header: decodeProtectedHeader(token), claims: decodeJwt(token) };
  } catch (e) {
    throw refuse(`malformed (${(e as Error).message})`);
  }
}

async function verifyWith(token: string, keySet: RemoteJWKSet, config: AgentJwtConfig, now?: Date): Promise<JWTPayload> {
  const { payload } = await jwtVerify(token, keySet, {
    issuer: config.issuer,
    audience: config.audience,
    algorithms: [...AGENT_JWT_ALGORITHMS],
    clockTolerance: config.clockSkewSeconds,
    requiredClaims: ['exp', 'sub'],
    currentDate: now,
  });
  return payload;
}

function explain(e: unknown, config: AgentJwtConfig, header: ProtectedHeaderParameters): AppError {
  if (e instanceof AppError) return e;
  if (e instanceof errors.JWTExpired) return refuse(`it expired at ${at(e.payload.exp)} (clock skew allowed: ${config.clockSkewSeconds} s)`);
  if (e instanceof errors.JWTClaimValidationFailed) {
    if (e.claim === 'nbf') return refuse(`it is not valid yet (nbf ${at(e.payload.nbf)})`);
    if (e.claim === 'aud') return refuse(`its audience is ${JSON.stringify(e.payload.aud ?? null)}; Gatehouse accepts "${config.audience}"`);
    if (e.claim === 'iss') return refuse(`it was issued by "${String(e.payload.iss)}"; Gatehouse accepts JWTs from "${config.issuer}"`);
    if (e.reason === 'missing') return refuse(`it has no "${e.claim}" claim${e.claim === 'exp' ? '; Gatehouse accepts only JWTs that expire' : ''}`);
    return refuse(`its "${e.claim}" claim is invalid (${e.message})`);
  }
  if (e instanceof errors.JWSSignatureVerificationFailed) return refuse(`its signature does not verify against the keys of ${config.issuer}`);
  if (e instanceof errors.JWKSNoMatchingKey) return refuse(`it is signed with a key${header.kid ? ` (kid "${header.kid}")` : ''} that ${config.issuer} does not publish`);
  if (e instanceof errors.JOSEAlgNotAllowed || e instanceof errors.JOSENotSupported) return refuse(`unsupported algorithm "${header.alg}"; Gatehouse accepts ${AGENT_JWT_ALGORITHMS.join(', ')}`);
  if (e instanceof errors.JWKSMultipleMatchingKeys) return refuse(`${config.issuer} publishes several keys that match its header; it needs a "kid"`);
  if (e instanceof errors.JWSInvalid || e instanceof errors.JWTInvalid) return refuse(`malformed (${e.message})`);
  return issuerUnreachable(config.issuer, (e as Error).message ?? String(e));
}
