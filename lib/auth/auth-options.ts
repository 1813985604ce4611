import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getDb } from '../db/client';
import { getEnv, isOidcConfigured } from '../env';
import { verifyCredentials } from '../users/verify-credentials';
import { findUserByEmail } from '../users/get-user';

/**
 * next-auth v4 configuration. Sessions are JWTs carrying only the user id; the role and the
 * disabled flag are read from the store on every request (see getActorFromSession), so a role
 * change or a disable takes effect at once. OIDC sign-in only admits e-mails an admin created.
 */
export function buildAuthOptions(): NextAuthOptions {
  const env = getEnv();
  const providers: NextAuthOptions['providers'] = [
    CredentialsProvider({
      id: 'credentials',
      name: 'E-mail and password',
      credentials: { email: { label: 'E-mail', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials) {
        if (!credentials?.email || !credentials.password) return null;
        const user = await verifyCredentials(getDb(), credentials.email, credentials.password);
        return user ? { id: user.id, email: user.email, name: user.name } : null;
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
        return Boolean(known && !known.disabledAt && known.kind === 'human');
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
