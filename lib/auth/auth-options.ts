import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getDb } from '../db/client';
import { getEnv, isOidcConfigured } from '../env';
import type { UserRow } from '../db/schema';
import { checkCredentials } from '../users/verify-credentials';
import { findUserByEmail } from '../users/get-user';
import { recordSignIn, recordSignInRefused } from '../users/record-sign-in';

export type AuthOptionsDeps = {
  /** The signing-in client's network address, for the audit event (the portal reads it from the request headers). */
  requestAddress?: () => Promise<string | null>;
};

/**
 * next-auth v4 configuration. Sessions are JWTs carrying only the user id; the role and the
 * disabled flag are read from the store on every request (see getActorFromSession), so a role
 * change or a disable takes effect at once. OIDC sign-in only admits e-mails an admin created.
 * Every sign-in and every refused one is an audit event; if the event cannot be written the
 * sign-in fails rather than going unrecorded.
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
        const email = credentials?.email ?? '';
        if (!email || !credentials?.password) {
          await recordSignInRefused(getDb(), { email, method: 'credentials', reason: 'incomplete', user: null, address: await address() });
          return null;
        }
        const { user, refusal } = await checkCredentials(getDb(), email, credentials.password);
        if (refusal) {
          await recordSignInRefused(getDb(), { email, method: 'credentials', reason: refusal, user, address: await address() });
          return null;
        }
        await recordSignIn(getDb(), { user, method: 'credentials', address: await address() });
        return { id: user.id, email: user.email, name: user.name };
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
      authorization: { params: { scope: 'openid email profile' } },
      idToken: true,
      checks: ['pkce', 'state'],
      profile(profile: { sub: string; email?: string; name?: string }) {
        return { id: profile.sub, email: profile.email ?? null, name: profile.name ?? profile.email ?? profile.sub };
      },
    });
  }
  return {
    secret: env.NEXTAUTH_SECRET,
    session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
    pages: { signIn: '/signin' },
    providers,
    callbacks: {
      async signIn({ user, account }) {
        if (account?.provider === 'credentials') return true;
        const known = user.email ? await findUserByEmail(getDb(), user.email) : null;
        const refusal = oidcRefusal(user.email, known);
        if (refusal || !known) {
          await recordSignInRefused(getDb(), { email: user.email ?? '', method: 'oidc', reason: refusal ?? 'unknown_user', user: known, address: await address() });
          return false;
        }
        await recordSignIn(getDb(), { user: known, method: 'oidc', address: await address() });
        return true;
      },
      async jwt({ token, user, account }) {
        if (user && account) {
          const known = account.provider === 'credentials' ? { id: user.id } : await findUserByEmail(getDb(), user.email ?? '');
          token.uid = known?.id;
        }
        return token;
      },
      async session({ session, token }) {
        return { ...session, uid: token.uid as string | undefined };
      },
    },
  };
}

function oidcRefusal(email: string | null | undefined, known: UserRow | null): string | null {
  if (!email) return 'no_email';
  if (!known) return 'unknown_user';
  if (known.disabledAt) return 'disabled';
  return known.kind === 'human' ? null : 'not_a_person';
}
