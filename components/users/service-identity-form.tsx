'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { InlineSaveStatus } from './inline-save-status';
import type { FormState } from '@/components/ui/field';
import { Input } from '@/components/ui/input';

type ServiceIdentityFormProps = {
  userId: string;
  email: string;
  oidcSubject: string | null;
  /** Target names, or null for every target. */
  targetNames: string[] | null;
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
};

/** The OIDC subject whose JWTs sign in as a service identity, and the targets they may reach. */
export function ServiceIdentityForm({ userId, email, oidcSubject, targetNames, action }: ServiceIdentityFormProps) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="space-y-1" data-testid="service-identity-form">
      <input type="hidden" name="userId" value={userId} />
      <div className="flex flex-wrap items-center gap-2">
        <Input
          name="oidcSubject"
          placeholder="OIDC subject"
          className="w-44"
          defaultValue={oidcSubject ?? ''}
          aria-label={`OIDC subject for ${email}`}
          aria-invalid={errors.oidcSubject ? true : undefined}
        />
        <Input
          name="targets"
          placeholder="all targets"
          className="w-44"
          defaultValue={targetNames?.join(', ') ?? ''}
          aria-label={`Target scope for ${email} (names separated by commas; blank for all)`}
          aria-invalid={errors.targets ? true : undefined}
        />
        <Button type="submit" variant="secondary" size="sm" disabled={pending}>
          Save
        </Button>
      </div>
      <InlineSaveStatus state={state} pending={pending} />
    </form>
  );
}
