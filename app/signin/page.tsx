import { redirect } from 'next/navigation';
import { getSessionActor } from '@/app/_server/auth';
import { getDb } from '@/lib/db/client';
import { getEnv, isOidcConfigured } from '@/lib/env';
import { getAuthSettings } from '@/lib/settings/auth-settings';
import { SignInForm } from '@/components/auth/sign-in-form';
import { signInErrorMessage } from '@/components/auth/sign-in-errors';
import { Alert } from '@/components/ui/alert';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';

export const dynamic = 'force-dynamic';

type SearchParams = Promise<{ callbackUrl?: string | string[]; error?: string | string[] }>;

/** Only same-site paths: a crafted link must not bounce a fresh session to another site. */
function safeCallbackUrl(value: string | string[] | undefined): string {
  const url = Array.isArray(value) ? value[0] : value;
  return url && url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/\\') ? url : '/';
}

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getSessionActor()) redirect(callbackUrl);
  const env = getEnv();
  const oidcName = isOidcConfigured(env) ? env.OIDC_NAME : null;
  // Enforced even if the provider was unconfigured since: then only the break-glass admin gets in.
  const isSsoRequired = (await getAuthSettings(getDb())).requireSso;
  const error = Array.isArray(params.error) ? params.error[0] : params.error;
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <Card className="w-full max-w-sm">
        <CardHeader>
          <CardTitle>Sign in to Gatehouse</CardTitle>
          <CardDescription>
            {isSsoRequired ? `Sign in with ${oidcName ?? 'single sign-on'}. Passwords are kept for the break-glass administrator.` : 'Accounts are created by an administrator.'}
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-4">
          {error ? <Alert variant="error">{signInErrorMessage(error, oidcName)}</Alert> : null}
          <SignInForm callbackUrl={callbackUrl} oidcName={oidcName} isSsoRequired={isSsoRequired} />
        </CardContent>
      </Card>
    </main>
  );
}
