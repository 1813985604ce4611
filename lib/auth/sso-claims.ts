import { decodeJwt } from 'jose';
import { claimValue } from './group-roles';

export type SsoTokens = { id_token?: string; access_token?: string };
export type UserinfoClient = { userinfo(accessToken: string): Promise<Record<string, unknown>> };

/**
 * The claims a single sign-on is decided on. Providers put e-mail and groups in the ID token
 * (Entra ID, Okta, and oidc-provider when the access token is for another audience) or only at
 * the userinfo endpoint (Keycloak's default): the ID token (already verified by next-auth) is used
 * when it has both, otherwise userinfo is asked and merged in; it must be about the same subject
 * (OpenID Connect Core 5.3.2). If userinfo refuses but the ID token has the e-mail, the ID token
 * alone decides: missing groups can only refuse the sign-in, never widen it.
 */
export async function readSsoClaims(tokens: SsoTokens, client: UserinfoClient, options: { groupsClaim: string | null }): Promise<Record<string, unknown>> {
  const idClaims: Record<string, unknown> = tokens.id_token ? decodeJwt(tokens.id_token) : {};
  const hasEmail = typeof idClaims.email === 'string';
  const hasGroups = options.groupsClaim === null || claimValue(idClaims, options.groupsClaim) !== undefined;
  if ((hasEmail && hasGroups) || !tokens.access_token) return idClaims;
  let userinfo: Record<string, unknown>;
  try {
    userinfo = await client.userinfo(tokens.access_token);
  } catch (e) {
    if (!hasEmail) throw e;
    console.warn(`sso: userinfo refused (${e instanceof Error ? e.message : String(e)}); using the ID token's claims alone`);
    return idClaims;
  }
  if (idClaims.sub !== undefined && userinfo.sub !== idClaims.sub) {
    throw new Error('The identity provider returned userinfo about another subject than the ID token');
  }
  return { ...idClaims, ...userinfo };
}
