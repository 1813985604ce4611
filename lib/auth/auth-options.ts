import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getDb } from '../db/client';
import { getEnv, isOidcConfigured } from '../env';
import { isAppError } from '../errors';
import { findUserByEmail, getUserById } from '../users/get-user';
import { getAuthSettings, isPasswordSignInAllowed } from '../settings/auth-settings';
import { readGroups } from './group-roles';
import { signInWithPassword } from './sign-in-with-password';
import { signInWithSso, type SsoRefusal } from './sign-in-with-sso';
import { readSsoClaims } from './sso-claims';

export type AuthOptionsDeps = {
  /** The signing-in client's network address, for the audit event (the portal reads it from the request headers). */
  requestAddress?: () => Promise<string | null>;
};

/** The `error` the sign-in page gets for a refused single sign-on; it explains each one. */
const SSO_ERRORS: Record<SsoRefusal, string> = {
  no_email: 'SsoNoEmail',
  email_not_verified: 'SsoNoEmail',
  unknown_user: 'SsoUnknownUser',
  disabled: 'AccessDenied',
  not_a_person: 'AccessDenied',
  no_mapped_group: 'SsoNoGroup',
  last_admin: 'SsoLastAdmin',
};

/** The scopes every OIDC provider knows; providers that need more for groups put them in these (docs/sso.md). */
const OIDC_SCOPE = 'openid email profile';

/**
 * next-auth v4 configuration. Sessions are JWTs carrying the user id and how they signed in; the
 * role and the disabled flag are read from the store on every request (see getActorFromSession),
 * so a role change or a disable takes effect at once, and so does requiring SSO: a password
 * session of anyone but the break-glass admin stops counting. Sign-in decisions live in
 * signInWithPassword and signInWithSso; every sign-in and every refused one is an audit event, and
 * if the event cannot be written the sign-in fails rather than going unrecorded.
 */
export function buildAuthOptions(deps: AuthOptionsDeps = {}): NextAuthOptions {
  const env = getEnv();
  const address = async () => (deps.requestAddress ? deps.requestAddress().catch(() => null) : null);
  const providers: NextAuthOptions['providers'] = [
    CredentialsProvider({
      id: 'credentials',
      name: 'E-mail and password',
      credentials: { email: { label: 'E-mail', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials) {
        const result = await signInWithPassword(getDb(), { email: credentials?.email ?? '', password: credentials?.password ?? '', address: await address() });
        if (result.error === 'SsoRequired') throw new Error(result.error);
        return result.user ? { id: result.user.id, email: result.user.email, name: result.user.name } : null;
      },
    }),
  ];
  if (isOidcConfigured(env)) {
    providers.push({
      id: 'oidc',
      name: env.OIDC_NAME,
      type: 'oauth',
      wellKnown: `${env.OIDC_ISSUER!.replace(/\/$/, '')}/.well-known/openid-configuration`,
      clientId: env.OIDC_CLIENT_ID,
      clientSecret: env.OIDC_CLIENT_SECRET,
      authorization: { params: { scope: OIDC_SCOPE } },
      idToken: true,
      checks: ['pkce', 'state'],
      userinfo: { request: ({ tokens, client }) => readSsoClaims(tokens, client, { groupsClaim: env.OIDC_GROUP_ROLES ? env.OIDC_GROUPS_CLAIM : null }) },
      profile(profile: { sub: string; email?: string; name?: string }) {
        return { id: profile.sub, email: profile.email ?? null, name: profile.name ?? profile.email ?? profile.sub };
      },
    });
  }
  return {
    secret: env.NEXTAUTH_SECRET,
    session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
    pages: { signIn: '/signin', error: '/signin' },
    providers,
    callbacks: {
      async signIn({ account, profile }) {
        if (account?.provider === 'credentials') return true;
        const claims = (profile ?? {}) as Record<string, unknown>;
        const result = await signInWithSso(getDb(), {
          profile: {
            email: typeof claims.email === 'string' ? claims.email : null,
            emailVerified: typeof claims.email_verified === 'boolean' ? claims.email_verified : null,
            name: typeof claims.name === 'string' ? claims.name : null,
            groups: readGroups(claims, env.OIDC_GROUPS_CLAIM),
          },
          groupRoles: env.OIDC_GROUP_ROLES ?? null,
          settings: await getAuthSettings(getDb()),
          address: await address(),
        });
        return result.refusal ? `/signin?error=${SSO_ERRORS[result.refusal]}` : true;
      },
      async jwt({ token, user, account }) {
        if (user && account) {
          const known = account.provider === 'credentials' ? { id: user.id } : await findUserByEmail(getDb(), user.email ?? '');
          token.uid = known?.id;
          token.method = account.provider;
        }
        return token;
      },
      async session({ session, token }) {
        const uid = typeof token.uid === 'string' ? token.uid : undefined;
        const isStillAllowed = uid ? await isSessionStillAllowed(uid, token.method) : false;
        return { ...session, uid: isStillAllowed ? uid : undefined };
      },
    },
  };
}

/** A session from before SSO was required carries no method; it counts as a password one. */
async function isSessionStillAllowed(uid: string, method: unknown): Promise<boolean> {
  if (method === 'oidc') return true;
  const settings = await getAuthSettings(getDb());
  if (!settings.requireSso) return true;
  try {
    return isPasswordSignInAllowed(settings, await getUserById(getDb(), uid));
  } catch (e) {
    if (isAppError(e) && e.code === 'NOT_FOUND') return false;
    throw e;
  }
}
