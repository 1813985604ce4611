'use client';

import { useId, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select, type SelectOption } from '@/components/ui/select';
import { CheckboxGroup } from './checkbox-group';
import { ACTION_LABELS } from './policy-labels';
import type { RuleDraft, RuleOptions } from './rule-draft';

const ACTION_OPTIONS: SelectOption[] = Object.entries(ACTION_LABELS).map(([value, label]) => ({ value, label }));

type RuleFormProps = {
  title: string;
  initial: RuleDraft;
  options: RuleOptions;
  /** For a new rule: how many rules there are, so it can be placed anywhere from first to last. */
  ruleCount?: number;
  onApply: (draft: RuleDraft, position: number) => void;
  onCancel: () => void;
};

function positionOptions(ruleCount: number): SelectOption[] {
  return Array.from({ length: ruleCount + 1 }, (_, i) => {
    const label = i === 0 ? '1 (first)' : i === ruleCount ? `${i + 1} (last)` : String(i + 1);
    return { value: String(i), label };
  });
}

/**
 * Edits one rule of the working list. Applying only changes the list in the browser; the server
 * sees the rule when the whole list is saved, and its schema is the one that judges it.
 */
export function RuleForm({ title, initial, options, ruleCount, onApply, onCancel }: RuleFormProps) {
  const [draft, setDraft] = useState(initial);
  const [position, setPosition] = useState(String(ruleCount ?? 0));
  const id = useId();
  const isNew = ruleCount !== undefined;

  function set<K extends keyof RuleDraft>(key: K, value: RuleDraft[K]) {
    setDraft((current) => ({ ...current, [key]: value }));
  }

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    onApply(draft, Number(position));
  }

  function text(key: 'commands' | 'tables' | 'functions' | 'pattern' | 'message' | 'waitSeconds' | 'requiredApprovals', label: string, placeholder: string, hint?: string) {
    const fieldId = `${id}-${key}`;
    return (
      <Field id={fieldId} label={label} hint={hint}>
        <Input
          id={fieldId}
          value={draft[key]}
          onChange={(e) => set(key, e.target.value)}
          placeholder={placeholder}
          autoComplete="off"
          aria-describedby={hint ? `${fieldId}-hint` : undefined}
          className={key === 'message' ? undefined : 'font-mono'}
        />
      </Field>
    );
  }

  return (
    <form onSubmit={submit} aria-labelledby={`${id}-title`} className="space-y-4 rounded-md border border-slate-300 bg-slate-50 p-4">
      <h3 id={`${id}-title`} className="text-sm font-semibold text-slate-900">
        {title}
      </h3>
      <div className="grid gap-4 sm:grid-cols-[1fr_12rem]">
        <Field id={`${id}-name`} label="Name">
          <Input id={`${id}-name`} value={draft.name} onChange={(e) => set('name', e.target.value)} required maxLength={100} autoComplete="off" />
        </Field>
        <Field id={`${id}-action`} label="Action">
          <Select
            id={`${id}-action`}
            options={ACTION_OPTIONS}
            value={draft.action}
            onChange={(e) => set('action', e.target.value as RuleDraft['action'])}
          />
        </Field>
      </div>
      {text('message', 'Message', 'Shown to whoever sent the statement', 'Leave blank for the default ("Blocked by rule …").')}
      {isNew ? (
        <Field id={`${id}-position`} label="Position" className="sm:w-48">
          <Select id={`${id}-position`} options={positionOptions(ruleCount)} value={position} onChange={(e) => setPosition(e.target.value)} />
        </Field>
      ) : null}
      <CheckboxGroup
        legend="Roles"
        hint="None checked means everyone."
        options={options.roles}
        selected={draft.roles}
        onChange={(roles) => set('roles', roles)}
      />
      <p className="text-xs text-slate-500">Every criterion below that is filled in must hold; leave them all empty to match any statement.</p>
      <CheckboxGroup legend="Statement kinds" options={options.kinds} selected={draft.kinds} onChange={(kinds) => set('kinds', kinds)} />
      <CheckboxGroup
        legend="Flags"
        hint="The statement has any of the checked flags."
        options={options.flags}
        selected={draft.flags}
        onChange={(flags) => set('flags', flags)}
      />
      <div className="grid gap-4 sm:grid-cols-3">
        {text('commands', 'Commands', 'SELECT, CREATE *', 'Comma-separated; globs.')}
        {text('tables', 'Tables', 'public.payments, *.secrets', 'Comma-separated globs.')}
        {text('functions', 'Functions', 'pg_sleep, dblink*', 'Comma-separated.')}
      </div>
      {text('pattern', 'Pattern', 'credit_card', 'A case-insensitive regular expression tested against the statement text.')}
      {draft.action === 'require_approval' ? (
        <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
          <legend className="px-1 text-sm font-medium text-slate-900">Approval</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={draft.dontWait} onChange={(e) => set('dontWait', e.target.checked)} />
            Don&apos;t wait: answer at once with the link; the same statement runs once after approval
          </label>
          <div className="grid gap-4 sm:grid-cols-2">
            {text('waitSeconds', 'Wait (seconds)', '600', 'How long the statement waits; empty: 10 minutes.')}
            {text('requiredApprovals', 'Approvals needed', '1', 'Different approvers; empty: 1.')}
          </div>
          <CheckboxGroup
            legend="Approver roles"
            hint="None checked: approver and admin."
            options={options.roles}
            selected={draft.approverRoles}
            onChange={(approverRoles) => set('approverRoles', approverRoles)}
          />
        </fieldset>
      ) : null}
      <div className="flex items-center gap-2">
        <Button type="submit">Apply</Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <span className="text-xs text-slate-500">Applied changes stay in this list until you save the rules.</span>
      </div>
    </form>
  );
}
