'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { InlineSaveStatus } from './inline-save-status';
import type { FormState } from '@/components/ui/field';
import { Select, type SelectOption } from '@/components/ui/select';

type UserRoleFormProps = {
  userId: string;
  email: string;
  role: string;
  roles: readonly SelectOption[];
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
};

export function UserRoleForm({ userId, email, role, roles, action }: UserRoleFormProps) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  return (
    <form action={formAction} className="space-y-1">
      <div className="flex items-center gap-2">
        <input type="hidden" name="userId" value={userId} />
        <div className="w-32">
          <Select key={role} name="role" options={roles} defaultValue={role} aria-label={`Role for ${email}`} />
        </div>
        <Button type="submit" variant="secondary" size="sm" disabled={pending}>
          Save
        </Button>
      </div>
      <InlineSaveStatus state={state} pending={pending} />
    </form>
  );
}
