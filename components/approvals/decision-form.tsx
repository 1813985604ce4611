'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, describedBy, type FormState } from '@/components/ui/field';

const TEXTAREA_CLASS =
  'block min-h-9 w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm shadow-xs placeholder:text-slate-400 ' +
  'focus:border-slate-500 focus:outline-2 focus:outline-slate-300 aria-invalid:border-red-500 aria-invalid:outline-red-200';

type DecisionAction = (prev: FormState, formData: FormData) => Promise<FormState>;

type DecisionFormProps = {
  requestId: string;
  approveAction: DecisionAction;
  denyAction: DecisionAction;
};

/**
 * Approve in one click; deny only with a reason. Both forms share one state so the latest outcome
 * (already decided, own request, missing reason) shows in one place on the card.
 */
export function DecisionForm({ requestId, approveAction, denyAction }: DecisionFormProps) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(
    (prev, formData) => (formData.get('decision') === 'deny' ? denyAction(prev, formData) : approveAction(prev, formData)),
    { ok: false },
  );
  const reasonId = `deny-reason-${requestId}`;
  const reasonErrors = state.fieldErrors?.reason;
  return (
    <div className="space-y-3" data-testid="decision-form">
      {state.message && !state.fieldErrors ? (
        <Alert variant={state.ok ? 'success' : 'error'} data-testid="decision-message">
          {state.message}
        </Alert>
      ) : null}
      <div className="flex flex-wrap items-end gap-4">
        <form action={formAction}>
          <input type="hidden" name="requestId" value={requestId} />
          <input type="hidden" name="decision" value="approve" />
          <Button type="submit" disabled={pending}>
            Approve
          </Button>
        </form>
        <form action={formAction} className="flex min-w-72 flex-1 flex-wrap items-end gap-3">
          <input type="hidden" name="requestId" value={requestId} />
          <input type="hidden" name="decision" value="deny" />
          <Field id={reasonId} label="Reason for denying" errors={reasonErrors} className="min-w-60 flex-1">
            <textarea
              key={state.values?.reason ?? ''}
              id={reasonId}
              name="reason"
              rows={1}
              defaultValue={state.values?.reason}
              placeholder="Told to run it on the replica instead"
              aria-required
              aria-invalid={reasonErrors ? true : undefined}
              aria-describedby={describedBy(reasonId, { errors: reasonErrors })}
              className={TEXTAREA_CLASS}
            />
          </Field>
          <Button type="submit" variant="destructive" disabled={pending}>
            Deny
          </Button>
        </form>
      </div>
    </div>
  );
}
