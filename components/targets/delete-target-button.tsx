'use client';

import { useActionState, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { FormState } from '@/components/ui/field';

type DeleteTargetButtonProps = {
  targetId: string;
  targetName: string;
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
};

/** Deleting takes two clicks: the first only asks. */
export function DeleteTargetButton({ targetId, targetName, action }: DeleteTargetButtonProps) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  const [isConfirming, setConfirming] = useState(false);
  if (!isConfirming) {
    return (
      <Button variant="destructive" onClick={() => setConfirming(true)}>
        Delete target
      </Button>
    );
  }
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="id" value={targetId} />
      <p className="text-sm text-slate-700">
        Delete <strong>{targetName}</strong>? This cannot be undone.
      </p>
      <div className="flex gap-2">
        <Button type="submit" variant="destructive" disabled={pending}>
          Yes, delete
        </Button>
        <Button variant="secondary" onClick={() => setConfirming(false)} disabled={pending}>
          Cancel
        </Button>
      </div>
      {state.message && !state.ok ? <Alert variant="error">{state.message}</Alert> : null}
    </form>
  );
}
