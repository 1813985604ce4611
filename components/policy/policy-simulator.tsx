'use client';

import { useActionState, useState } from 'react';
import type { StatementSimulation } from '@/lib/policy/simulate-statement';
import { RuleTrialForm } from '@/components/rule-list/rule-trial-form';
import { RunAsField } from '@/components/rule-list/run-as-field';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, describedBy, type FormState } from '@/components/ui/field';
import { cn } from '@/components/ui/cn';
import type { SelectOption } from '@/components/ui/select';
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
  const errors = state.fieldErrors ?? {};

  return (
    <div className="space-y-4">
      <RuleTrialForm action={formAction} targetId={targetId} className="space-y-4">
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
          <RunAsField id="simulate-user" label="Run as" name="userId" users={users} defaultUserId={defaultUserId} errors={errors.userId} />
          <Button type="submit" disabled={pending}>
            {pending ? 'Simulating…' : 'Simulate'}
          </Button>
        </div>
      </RuleTrialForm>
      {state.message && !state.ok && !state.fieldErrors && !pending ? <Alert variant="error">{state.message}</Alert> : null}
      {state.ok && state.data ? (
        <div className={cn(pending && 'opacity-50')}>
          <SimulationResult simulation={state.data} />
        </div>
      ) : null}
    </div>
  );
}
