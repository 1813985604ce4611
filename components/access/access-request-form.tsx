'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, describedBy, type FormState } from '@/components/ui/field';
import { Select, type SelectOption } from '@/components/ui/select';
import { TEXTAREA_CLASS } from '@/components/ui/textarea-class';

const DURATION_OPTIONS: SelectOption[] = [
  { value: '15', label: '15 minutes' },
  { value: '60', label: '1 hour' },
  { value: '240', label: '4 hours' },
  { value: '480', label: '8 hours' },
  { value: '1440', label: '24 hours' },
];

type AccessRequestFormProps = {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  targetNames: string[];
  /** The roles one may ask for: every role but the one the person already has. */
  roles: string[];
};

export function AccessRequestForm({ action, targetNames, roles }: AccessRequestFormProps) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  const values = state.ok ? {} : (state.values ?? {});
  const errors = state.fieldErrors ?? {};
  const target = values.target ?? targetNames[0] ?? '';
  const role = values.role ?? roles[0] ?? '';
  const duration = values.durationMinutes ?? '60';

  if (targetNames.length === 0) return <p className="text-sm text-slate-500">No targets are registered yet.</p>;
  return (
    <form action={formAction} className="space-y-4" data-testid="access-request-form">
      {state.message && !state.fieldErrors ? <Alert variant={state.ok ? 'success' : 'error'}>{state.message}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="access-target" label="Target" errors={errors.target}>
          <Select key={target} id="access-target" name="target" options={targetNames.map((n) => ({ value: n, label: n }))} defaultValue={target} />
        </Field>
        <Field id="access-role" label="Role" errors={errors.role}>
          <Select key={role} id="access-role" name="role" options={roles.map((r) => ({ value: r, label: r }))} defaultValue={role} />
        </Field>
        <Field id="access-duration" label="Duration" errors={errors.durationMinutes}>
          <Select key={duration} id="access-duration" name="durationMinutes" options={DURATION_OPTIONS} defaultValue={duration} />
        </Field>
      </div>
      <Field id="access-reason" label="Reason" errors={errors.reason}>
        <textarea
          key={values.reason ?? ''}
          id="access-reason"
          name="reason"
          rows={2}
          aria-required
          defaultValue={values.reason}
          placeholder="Incident 4711: fix the stuck payouts"
          aria-invalid={errors.reason ? true : undefined}
          aria-describedby={describedBy('access-reason', { errors: errors.reason })}
          className={TEXTAREA_CLASS}
        />
      </Field>
      <Button type="submit" disabled={pending}>
        Request access
      </Button>
    </form>
  );
}
