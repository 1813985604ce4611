'use client';

import { PositionField } from '@/components/rule-list/position-field';
import { RuleFormFrame } from '@/components/rule-list/rule-form-frame';
import { useRuleForm, type RuleFormProps } from '@/components/rule-list/use-rule-form';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select, type SelectOption } from '@/components/ui/select';
import { CheckboxGroup } from './checkbox-group';
import { ACTION_LABELS } from './policy-labels';
import type { RuleDraft, RuleOptions } from './rule-draft';

const ACTION_OPTIONS: SelectOption[] = Object.entries(ACTION_LABELS).map(([value, label]) => ({ value, label }));

/**
 * Edits one rule of the working list. Applying only changes the list in the browser; the server
 * sees the rule when the whole list is saved, and its schema is the one that judges it.
 */
export function RuleForm({ title, initial, options, ruleCount, onApply, onCancel }: RuleFormProps<RuleDraft, RuleOptions>) {
  const { id, draft, set, position, setPosition, submit } = useRuleForm(initial, ruleCount, onApply);

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
    <RuleFormFrame id={id} title={title} onSubmit={submit} onCancel={onCancel} reminder="Applied changes stay in this list until you save the rules.">
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
      <PositionField id={`${id}-position`} ruleCount={ruleCount} value={position} onChange={setPosition} />
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
    </RuleFormFrame>
  );
}
