'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import type { FormState } from '@/components/ui/field';

type UserStatusButtonProps = {
  userId: string;
  isDisabled: boolean;
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
};

export function UserStatusButton({ userId, isDisabled, action }: UserStatusButtonProps) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  return (
    <form action={formAction} className="space-y-1 text-right">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="disabled" value={isDisabled ? 'false' : 'true'} />
      <Button type="submit" variant={isDisabled ? 'secondary' : 'ghost'} size="sm" disabled={pending}>
        {isDisabled ? 'Enable' : 'Disable'}
      </Button>
      {state.message && !state.ok ? (
        <p role="alert" className="text-xs text-red-600">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
