'use client';

import { useState } from 'react';
import { Field, describedBy } from '@/components/ui/field';
import { Select, type SelectOption } from '@/components/ui/select';

type RunAsFieldProps = {
  id: string;
  label: string;
  /** The form field's name, as the action reads it. */
  name: string;
  /** value: user id; label: e-mail and role. */
  users: SelectOption[];
  defaultUserId: string;
  errors?: string[];
};

/** The person a trial of the rules runs as; the choice stays put between runs. */
export function RunAsField({ id, label, name, users, defaultUserId, errors }: RunAsFieldProps) {
  const [userId, setUserId] = useState(defaultUserId);
  return (
    <Field id={id} label={label} errors={errors} className="min-w-64 flex-1">
      <Select
        id={id}
        name={name}
        options={users}
        value={userId}
        onChange={(e) => setUserId(e.target.value)}
        aria-invalid={errors ? true : undefined}
        aria-describedby={describedBy(id, { errors })}
      />
    </Field>
  );
}
