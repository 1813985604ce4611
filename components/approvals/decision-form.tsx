'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, describedBy, type FormState } from '@/components/ui/field';
import { TEXTAREA_CLASS } from '@/components/ui/textarea-class';

type DecisionAction = (prev: FormState, formData: FormData) => Promise<FormState>;

type DecisionFormProps = {
  /** The hidden field the actions read (requestId for approvals, grantId for access grants) and its value. */
  field: string;
  value: string;
  approveAction: DecisionAction;
  denyAction: DecisionAction;
  placeholder?: string;
};

/**
 * Approve in one click; deny only with a reason. Both forms share one state so the latest outcome
 * (already decided, own request, missing reason) shows in one place on the card.
 */
export function DecisionForm({ field, value, approveAction, denyAction, placeholder }: DecisionFormProps) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(
    (prev, formData) => (formData.get('decision') === 'deny' ? denyAction(prev, formData) : approveAction(prev, formData)),
    { ok: false },
  );
  const reasonId = `deny-reason-${value}`;
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
          <input type="hidden" name={field} value={value} />
          <input type="hidden" name="decision" value="approve" />
          <Button type="submit" disabled={pending}>
            Approve
          </Button>
        </form>
        <form action={formAction} className="flex min-w-72 flex-1 flex-wrap items-end gap-3">
          <input type="hidden" name={field} value={value} />
          <input type="hidden" name="decision" value="deny" />
          <Field id={reasonId} label="Reason for denying" errors={reasonErrors} className="min-w-60 flex-1">
            <textarea
              key={state.values?.reason ?? ''}
              id={reasonId}
              name="reason"
              rows={1}
              defaultValue={state.values?.reason}
              placeholder={placeholder}
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
