'use client';

import { useActionState, useState } from 'react';
import { Button } from './button';
import type { FormState } from './field';

type RevokeButtonProps = {
  /** The hidden field the action reads, and its value (e.g. tokenId / the token's id). */
  field: string;
  value: string;
  /** What is revoked, for the button's accessible name. */
  label: string;
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
};

/** Revoking takes two clicks: the first only asks. */
export function RevokeButton({ field, value, label, action }: RevokeButtonProps) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  const [isConfirming, setConfirming] = useState(false);
  if (!isConfirming) {
    return (
      <Button variant="secondary" size="sm" onClick={() => setConfirming(true)} aria-label={`Revoke ${label}`}>
        Revoke
      </Button>
    );
  }
  return (
    <form action={formAction} className="flex flex-wrap items-center justify-end gap-2">
      <input type="hidden" name={field} value={value} />
      <Button type="submit" variant="destructive" size="sm" disabled={pending}>
        Confirm revoke
      </Button>
      <Button variant="ghost" size="sm" onClick={() => setConfirming(false)} disabled={pending}>
        Cancel
      </Button>
      {state.message && !state.ok ? (
        <p role="alert" className="w-full text-right text-xs text-red-600">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
