'use client';

import { startTransition, useActionState, useState, type FormEvent } from 'react';
import type { StatementSimulation } from '@/lib/policy/simulate-statement';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, describedBy, type FormState } from '@/components/ui/field';
import { cn } from '@/components/ui/cn';
import { Select, type SelectOption } from '@/components/ui/select';
import { SimulationResult } from './simulation-result';

type PolicySimulatorProps = {
  targetId: string;
  /** value: user id; label: e-mail and role. */
  users: SelectOption[];
  defaultUserId: string;
  action: (prev: FormState<StatementSimulation>, formData: FormData) => Promise<FormState<StatementSimulation>>;
};

const TEXTAREA_CLASS =
  'block min-h-32 w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm shadow-xs placeholder:text-slate-400 ' +
  'focus:border-slate-500 focus:outline-2 focus:outline-slate-300 aria-invalid:border-red-500 aria-invalid:outline-red-200';

export function PolicySimulator({ targetId, users, defaultUserId, action }: PolicySimulatorProps) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  const [sql, setSql] = useState('');
  const [userId, setUserId] = useState(defaultUserId);
  const errors = state.fieldErrors ?? {};

  // Submitted by hand: a form action would reset the form afterwards, losing the pasted SQL.
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formData = new FormData(e.currentTarget);
    startTransition(() => formAction(formData));
  }

  return (
    <div className="space-y-4">
      <form onSubmit={submit} className="space-y-4">
        <input type="hidden" name="target" value={targetId} />
        <Field id="simulate-sql" label="Statement" errors={errors.sql}>
          <textarea
            id="simulate-sql"
            name="sql"
            value={sql}
            onChange={(e) => setSql(e.target.value)}
            placeholder="delete from payments where id = 42"
            spellCheck={false}
            className={TEXTAREA_CLASS}
            aria-invalid={errors.sql ? true : undefined}
            aria-describedby={describedBy('simulate-sql', { errors: errors.sql })}
          />
        </Field>
        <div className="flex flex-wrap items-end gap-3">
          <Field id="simulate-user" label="Run as" errors={errors.userId} className="min-w-64 flex-1">
            <Select
              id="simulate-user"
              name="userId"
              options={users}
              value={userId}
              onChange={(e) => setUserId(e.target.value)}
              aria-invalid={errors.userId ? true : undefined}
              aria-describedby={describedBy('simulate-user', { errors: errors.userId })}
            />
          </Field>
          <Button type="submit" disabled={pending}>
            {pending ? 'Simulating…' : 'Simulate'}
          </Button>
        </div>
      </form>
      {state.message && !state.ok && !state.fieldErrors && !pending ? <Alert variant="error">{state.message}</Alert> : null}
      {state.ok && state.data ? (
        <div className={cn(pending && 'opacity-50')}>
          <SimulationResult simulation={state.data} />
        </div>
      ) : null}
    </div>
  );
}
