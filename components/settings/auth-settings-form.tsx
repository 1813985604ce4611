'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, describedBy, type FormState } from '@/components/ui/field';
import { Input } from '@/components/ui/input';

type Props = {
  settings: { requireSso: boolean; breakGlassEmail: string | null };
  /** The SSO button's label, or null when no OIDC provider is configured (then SSO cannot be required). */
  oidcName: string | null;
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
};

const BREAK_GLASS_HINT = 'An active admin with a password: the one person who may still sign in with it, for when the identity provider is down';

/** Whether sign-in requires single sign-on, and who the break-glass admin is. */
export function AuthSettingsForm({ settings, oidcName, action }: Props) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  const errors = state.fieldErrors ?? {};
  const requireSso = state.values ? state.values.requireSso === 'on' : settings.requireSso;
  return (
    <form action={formAction} className="space-y-4">
      {state.message ? <Alert variant={state.ok ? 'success' : 'error'}>{state.message}</Alert> : null}
      {oidcName ? null : <Alert variant="info">No OIDC provider is configured (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET), so SSO cannot be required.</Alert>}
      <label className="flex items-center gap-2 text-sm">
        <input key={String(requireSso)} type="checkbox" name="requireSso" defaultChecked={requireSso} disabled={!oidcName && !settings.requireSso} aria-describedby={errors.requireSso ? 'require-sso-errors' : undefined} />
        Require {oidcName ?? 'single sign-on'} for everyone but the break-glass admin
      </label>
      {errors.requireSso ? (
        <ul id="require-sso-errors" className="text-xs text-red-600">
          {errors.requireSso.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
      <Field id="break-glass-email" label="Break-glass admin" hint={BREAK_GLASS_HINT} errors={errors.breakGlassEmail}>
        <Input
          id="break-glass-email"
          name="breakGlassEmail"
          type="email"
          autoComplete="off"
          defaultValue={state.values?.breakGlassEmail ?? settings.breakGlassEmail ?? ''}
          aria-invalid={errors.breakGlassEmail ? true : undefined}
          aria-describedby={describedBy('break-glass-email', { hint: BREAK_GLASS_HINT, errors: errors.breakGlassEmail })}
        />
      </Field>
      <Button type="submit" disabled={pending}>
        Save sign-in settings
      </Button>
    </form>
  );
}
