'use client';

import { useState, type FormEvent } from 'react';
import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { signInErrorMessage } from './sign-in-errors';

type SignInFormProps = { callbackUrl: string; oidcName: string | null; isSsoRequired: boolean };

/** Password form and SSO button; when SSO is required the button comes first and the form is for the break-glass admin. */
export function SignInForm({ callbackUrl, oidcName, isSsoRequired }: SignInFormProps) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn('credentials', {
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
      redirect: false,
    });
    if (!result?.ok || result.error) {
      setPending(false);
      setError(signInErrorMessage(result?.error ?? 'CredentialsSignin', oidcName));
      return;
    }
    router.push(callbackUrl);
    router.refresh();
  }

  const ssoButton = oidcName ? (
    <Button variant={isSsoRequired ? 'primary' : 'secondary'} className="w-full" onClick={() => signIn('oidc', { callbackUrl })}>
      Continue with {oidcName}
    </Button>
  ) : null;
  const divider = (
    <div className="flex items-center gap-3 text-xs text-slate-400">
      <span className="h-px flex-1 bg-slate-200" />
      {isSsoRequired ? 'break-glass administrator' : 'or'}
      <span className="h-px flex-1 bg-slate-200" />
    </div>
  );
  const passwordForm = (
    <form onSubmit={onSubmit} className="space-y-4">
      {error ? <Alert variant="error">{error}</Alert> : null}
      <Field id="email" label="E-mail">
        <Input id="email" name="email" type="email" autoComplete="username" required autoFocus={!isSsoRequired} />
      </Field>
      <Field id="password" label="Password">
        <Input id="password" name="password" type="password" autoComplete="current-password" required />
      </Field>
      <Button type="submit" variant={isSsoRequired ? 'secondary' : 'primary'} className="w-full" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );

  return (
    <div className="space-y-4">
      {isSsoRequired ? ssoButton : passwordForm}
      {oidcName ? divider : null}
      {isSsoRequired ? passwordForm : ssoButton}
    </div>
  );
}
