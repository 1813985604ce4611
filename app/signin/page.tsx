import { redirect } from 'next/navigation';
import { getSessionActor } from '@/app/_server/auth';
import { getEnv, isOidcConfigured } from '@/lib/env';
import { SignInForm } from '@/components/auth/sign-in-form';
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
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <Card className="w-full max-w-sm">
        <CardHeader>
          <CardTitle>Sign in to Gatehouse</CardTitle>
          <CardDescription>Accounts are created by an administrator.</CardDescription>
        </CardHeader>
        <CardContent className="space-y-4">
          {params.error ? (
            <Alert variant="error">Sign-in was refused. Ask an administrator whether your account exists and is enabled.</Alert>
          ) : null}
          <SignInForm callbackUrl={callbackUrl} oidcName={isOidcConfigured(env) ? env.OIDC_NAME : null} />
        </CardContent>
      </Card>
    </main>
  );
}
