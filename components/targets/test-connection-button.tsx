'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { FormState } from '@/components/ui/field';

type TestConnectionButtonProps = {
  targetId: string;
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
};

export function TestConnectionButton({ targetId, action }: TestConnectionButtonProps) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="id" value={targetId} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? 'Testing…' : 'Test connection'}
      </Button>
      {state.message && !pending ? (
        <Alert variant={state.ok ? 'success' : 'error'} data-testid="connection-result">
          {state.message}
        </Alert>
      ) : null}
    </form>
  );
}
