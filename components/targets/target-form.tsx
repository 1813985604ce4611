'use client';

import { useActionState, type ComponentProps } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, describedBy, type FormState } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select, type SelectOption } from '@/components/ui/select';

export type TargetFormValues = {
  id?: string;
  name: string;
  host: string;
  port: string;
  database: string;
  username: string;
  tlsMode: string;
};

type TargetFormProps = {
  action: (prev: FormState<{ name: string }>, formData: FormData) => Promise<FormState<{ name: string }>>;
  tlsModes: readonly SelectOption[];
  /** The stored target when editing; never carries the password. */
  target?: TargetFormValues;
};

const EMPTY: TargetFormValues = { name: '', host: '', port: '5432', database: '', username: '', tlsMode: 'require' };

export function TargetForm({ action, tlsModes, target }: TargetFormProps) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  const values = { ...(target ?? EMPTY), ...state.values };
  const errors = state.fieldErrors ?? {};
  const isEdit = Boolean(target);

  function text(name: 'name' | 'host' | 'port' | 'database' | 'username', label: string, props: ComponentProps<'input'> = {}) {
    const id = `target-${name}`;
    return (
      <Field id={id} label={label} errors={errors[name]}>
        <Input
          id={id}
          name={name}
          defaultValue={values[name]}
          required
          aria-invalid={errors[name] ? true : undefined}
          aria-describedby={describedBy(id, { errors: errors[name] })}
          {...props}
        />
      </Field>
    );
  }

  const passwordHint = isEdit ? 'leave blank to keep the stored password' : undefined;
  return (
    <form action={formAction} className="space-y-4">
      {state.message ? <Alert variant={state.ok ? 'success' : 'error'}>{state.message}</Alert> : null}
      {target?.id ? <input type="hidden" name="id" value={target.id} /> : null}
      {target ? <input type="hidden" name="previousName" value={target.name} /> : null}
      {text('name', 'Name', { autoComplete: 'off', placeholder: 'orders-prod' })}
      <div className="grid gap-4 sm:grid-cols-[1fr_8rem]">
        {text('host', 'Host', { autoComplete: 'off', placeholder: 'db.internal.example.com' })}
        {text('port', 'Port', { inputMode: 'numeric' })}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        {text('database', 'Database', { autoComplete: 'off' })}
        {text('username', 'Username', { autoComplete: 'off' })}
      </div>
      <Field id="target-password" label="Password" hint={passwordHint} errors={errors.password}>
        <Input
          id="target-password"
          name="password"
          type="password"
          autoComplete="new-password"
          required={!isEdit}
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={describedBy('target-password', { hint: passwordHint, errors: errors.password })}
        />
      </Field>
      <Field id="target-tls" label="TLS mode" errors={errors.tlsMode}>
        {/* A select ignores later defaultValue changes, so the key remounts it with the echoed value. */}
        <Select key={values.tlsMode} id="target-tls" name="tlsMode" options={tlsModes} defaultValue={values.tlsMode} />
      </Field>
      <Button type="submit" disabled={pending}>
        {isEdit ? 'Save changes' : 'Register target'}
      </Button>
    </form>
  );
}
