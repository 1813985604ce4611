'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, describedBy, type FormState } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select, type SelectOption } from '@/components/ui/select';

type Created = { email: string; generatedPassword: string | null };

type UserFormProps = {
  action: (prev: FormState<Created>, formData: FormData) => Promise<FormState<Created>>;
  roles: readonly SelectOption[];
};

const KINDS: SelectOption[] = [
  { value: 'human', label: 'Person' },
  { value: 'service', label: 'Service identity' },
];

const PASSWORD_HINT = 'leave blank to generate one; service identities have none';
const SUBJECT_HINT = 'service identities only: the "sub" of the identity provider\'s JWTs that sign in as it (for client credentials, the client id)';
const TARGETS_HINT = 'service identities only: target names, separated by commas, that its JWTs may reach; blank for every target';

export function UserForm({ action, roles }: UserFormProps) {
  // The previous state is not sent back to the server: it may hold the last generated password.
  const [state, formAction, pending] = useActionState<FormState<Created>, FormData>(
    (_prev, formData) => action({ ok: false }, formData),
    { ok: false },
  );
  const values = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  const role = values.role ?? 'user';
  const kind = values.kind ?? 'human';
  const created = state.ok ? state.data : undefined;

  return (
    <form action={formAction} className="space-y-4">
      {state.message ? <Alert variant={state.ok ? 'success' : 'error'}>{state.message}</Alert> : null}
      {created?.generatedPassword ? (
        <Alert variant="info" className="space-y-2">
          <p>Give this password to {created.email}; it will not be shown again.</p>
          <code data-testid="generated-password" className="block select-all rounded border border-sky-300 bg-white px-3 py-2 font-mono text-xs text-slate-900">
            {created.generatedPassword}
          </code>
        </Alert>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="user-email" label="E-mail" errors={errors.email}>
          <Input
            id="user-email"
            name="email"
            type="email"
            required
            autoComplete="off"
            defaultValue={values.email}
            aria-invalid={errors.email ? true : undefined}
            aria-describedby={describedBy('user-email', { errors: errors.email })}
          />
        </Field>
        <Field id="user-name" label="Name" errors={errors.name}>
          <Input id="user-name" name="name" autoComplete="off" defaultValue={values.name} aria-invalid={errors.name ? true : undefined} />
        </Field>
        <Field id="user-role" label="Role" errors={errors.role}>
          <Select key={role} id="user-role" name="role" options={roles} defaultValue={role} />
        </Field>
        <Field id="user-kind" label="Kind" errors={errors.kind}>
          <Select key={kind} id="user-kind" name="kind" options={KINDS} defaultValue={kind} />
        </Field>
      </div>
      <Field id="user-password" label="Password" hint={PASSWORD_HINT} errors={errors.password}>
        <Input
          id="user-password"
          name="password"
          type="password"
          autoComplete="new-password"
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={describedBy('user-password', { hint: PASSWORD_HINT, errors: errors.password })}
        />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="user-oidc-subject" label="OIDC subject" hint={SUBJECT_HINT} errors={errors.oidcSubject}>
          <Input
            id="user-oidc-subject"
            name="oidcSubject"
            autoComplete="off"
            defaultValue={values.oidcSubject}
            aria-invalid={errors.oidcSubject ? true : undefined}
            aria-describedby={describedBy('user-oidc-subject', { hint: SUBJECT_HINT, errors: errors.oidcSubject })}
          />
        </Field>
        <Field id="user-targets" label="Target scope" hint={TARGETS_HINT} errors={errors.targets}>
          <Input
            id="user-targets"
            name="targets"
            autoComplete="off"
            defaultValue={values.targets}
            aria-invalid={errors.targets ? true : undefined}
            aria-describedby={describedBy('user-targets', { hint: TARGETS_HINT, errors: errors.targets })}
          />
        </Field>
      </div>
      <Button type="submit" disabled={pending}>
        Create user
      </Button>
    </form>
  );
}
