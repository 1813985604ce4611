'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, describedBy, type FormState } from '@/components/ui/field';
import { Input } from '@/components/ui/input';

type TerminateFormProps = {
  sessionId: string;
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
};

/** An admin ends a live session; the reason goes to the audit log and to the client's error message. */
export function TerminateForm({ sessionId, action }: TerminateFormProps) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  const reasonErrors = state.fieldErrors?.reason;
  return (
    <form action={formAction} className="space-y-3" data-testid="terminate-form">
      {state.message ? (
        <Alert variant={state.ok ? 'success' : 'error'} data-testid="terminate-message">
          {state.message}
        </Alert>
      ) : null}
      <input type="hidden" name="sessionId" value={sessionId} />
      <div className="flex flex-wrap items-end gap-3">
        <Field id="terminate-reason" label="Reason for terminating" errors={reasonErrors} className="min-w-72 flex-1">
          <Input
            id="terminate-reason"
            name="reason"
            maxLength={300}
            defaultValue={state.values?.reason}
            placeholder="Runaway export from production"
            aria-invalid={reasonErrors ? true : undefined}
            aria-describedby={describedBy('terminate-reason', { errors: reasonErrors })}
          />
        </Field>
        <Button type="submit" variant="destructive" disabled={pending || state.ok}>
          Terminate session
        </Button>
      </div>
    </form>
  );
}
