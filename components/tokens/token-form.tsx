'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, describedBy, type FormState } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select, type SelectOption } from '@/components/ui/select';
import { NewToken } from './new-token';

const EXPIRY_OPTIONS: SelectOption[] = [
  { value: '1h', label: '1 hour' },
  { value: '12h', label: '12 hours' },
  { value: '7d', label: '7 days' },
  { value: '30d', label: '30 days' },
  { value: '90d', label: '90 days' },
  { value: 'never', label: 'Never' },
];

type Created = { token: string };
type TokenFormState = FormState<Created> & { checkedTargets?: string[] };

type TokenFormProps = {
  action: (prev: FormState<Created>, formData: FormData) => Promise<FormState<Created>>;
  targetNames: string[];
  /** Whom an admin may issue for (themselves first); null for everyone else, who issue only for themselves. */
  owners: SelectOption[] | null;
};

export function TokenForm({ action, targetNames, owners }: TokenFormProps) {
  // The previous state is not sent back: it may hold the last token. Checkboxes sharing one name
  // echo back in state.values as a single value, so the submitted selection is kept here instead.
  const [state, formAction, pending] = useActionState<TokenFormState, FormData>(async (_prev, formData) => {
    const next = await action({ ok: false }, formData);
    return next.ok ? next : { ...next, checkedTargets: formData.getAll('targets').map(String) };
  }, { ok: false });
  const checked = state.checkedTargets ?? [];
  const values = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  const expiresIn = values.expiresIn ?? '30d';
  const owner = values.userEmail ?? owners?.[0]?.value ?? '';

  return (
    <div className="space-y-4">
      {state.ok && state.data ? <NewToken token={state.data.token} message={state.message} /> : null}
      <form action={formAction} className="space-y-4">
        {state.message && !state.ok ? <Alert variant="error">{state.message}</Alert> : null}
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="token-name" label="Name" errors={errors.name}>
            <Input
              id="token-name"
              name="name"
              required
              autoComplete="off"
              placeholder="laptop psql"
              defaultValue={values.name}
              aria-invalid={errors.name ? true : undefined}
              aria-describedby={describedBy('token-name', { errors: errors.name })}
            />
          </Field>
          <Field id="token-expires" label="Expires in" errors={errors.expiresIn}>
            <Select key={expiresIn} id="token-expires" name="expiresIn" options={EXPIRY_OPTIONS} defaultValue={expiresIn} />
          </Field>
          {owners ? (
            <Field id="token-for" label="For" errors={errors.userEmail}>
              <Select key={owner} id="token-for" name="userEmail" options={owners} defaultValue={owner} />
            </Field>
          ) : null}
        </div>
        <fieldset className="space-y-2" aria-describedby="token-targets-hint">
          <legend className="text-sm font-medium text-slate-700">Targets</legend>
          <p id="token-targets-hint" className="text-xs text-slate-500">
            Leave all unchecked to allow every target.
          </p>
          {targetNames.length === 0 ? <p className="text-sm text-slate-500">No targets are registered yet.</p> : null}
          <div className="flex flex-wrap gap-x-6 gap-y-2">
            {targetNames.map((name) => (
              <label key={name} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name="targets"
                  value={name}
                  defaultChecked={checked.includes(name)}
                  className="size-4 rounded border-slate-300"
                />
                {name}
              </label>
            ))}
          </div>
          {errors.targets?.length ? <p className="text-xs text-red-600">{errors.targets.join(' ')}</p> : null}
        </fieldset>
        <Button type="submit" disabled={pending}>
          Create token
        </Button>
      </form>
    </div>
  );
}
