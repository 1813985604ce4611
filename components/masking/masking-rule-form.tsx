'use client';

import { useId, useState, type FormEvent } from 'react';
import { CheckboxGroup } from '@/components/policy/checkbox-group';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select, type SelectOption } from '@/components/ui/select';
import { ColumnPicker } from './column-picker';
import { IdPicker } from './id-picker';
import { DETECTOR_LABELS, MATCH_KIND_LABELS, STRATEGY_LABELS } from './masking-labels';
import type { MaskingOptions, MaskingRuleDraft } from './masking-rule-draft';

const KIND_OPTIONS: SelectOption[] = Object.entries(MATCH_KIND_LABELS).map(([value, label]) => ({ value, label }));

type MaskingRuleFormProps = {
  title: string;
  initial: MaskingRuleDraft;
  options: MaskingOptions;
  /** For a new rule: how many rules there are, so it can be placed anywhere from first to last. */
  ruleCount?: number;
  onApply: (draft: MaskingRuleDraft, position: number) => void;
  onCancel: () => void;
};

function positionOptions(ruleCount: number): SelectOption[] {
  return Array.from({ length: ruleCount + 1 }, (_, i) => {
    const label = i === 0 ? '1 (first)' : i === ruleCount ? `${i + 1} (last)` : String(i + 1);
    return { value: String(i), label };
  });
}

/**
 * Edits one masking rule of the working list. Applying only changes the list in the browser; the
 * server's schema judges the rule when the whole list is saved.
 */
export function MaskingRuleForm({ title, initial, options, ruleCount, onApply, onCancel }: MaskingRuleFormProps) {
  const [draft, setDraft] = useState(initial);
  const [position, setPosition] = useState(String(ruleCount ?? 0));
  const id = useId();
  const isNew = ruleCount !== undefined;

  function set<K extends keyof MaskingRuleDraft>(key: K, value: MaskingRuleDraft[K]) {
    setDraft((current) => ({ ...current, [key]: value }));
  }

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    onApply(draft, Number(position));
  }

  return (
    <form onSubmit={submit} aria-labelledby={`${id}-title`} className="space-y-4 rounded-md border border-slate-300 bg-slate-50 p-4">
      <h3 id={`${id}-title`} className="text-sm font-semibold text-slate-900">
        {title}
      </h3>
      <div className="grid gap-4 sm:grid-cols-[1fr_16rem]">
        <Field id={`${id}-name`} label="Name" hint="Leave blank for a name made from what the rule matches.">
          <Input id={`${id}-name`} value={draft.name} onChange={(e) => set('name', e.target.value)} maxLength={100} autoComplete="off" aria-describedby={`${id}-name-hint`} />
        </Field>
        <Field id={`${id}-kind`} label="Match by">
          <Select id={`${id}-kind`} options={KIND_OPTIONS} value={draft.kind} onChange={(e) => set('kind', e.target.value as MaskingRuleDraft['kind'])} />
        </Field>
      </div>
      {draft.kind === 'column' ? (
        <div className="space-y-3">
          <ColumnPicker id={id} value={draft.column} onChange={(column) => set('column', column)} columns={options.columns} columnsError={options.columnsError} />
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" checked={draft.strict} onChange={(e) => set('strict', e.target.checked)} className="mt-0.5 size-4 rounded border-slate-300" />
            <span>
              Strict
              <span className="block text-xs text-slate-500">Refuse statements that filter, join, group or sort on this column, so its values cannot be probed.</span>
            </span>
          </label>
        </div>
      ) : null}
      {draft.kind === 'detector' ? (
        <Field id={`${id}-detector`} label="Detector" hint="Runs on every text value, whatever its column.">
          <Select
            id={`${id}-detector`}
            options={options.detectors.map((d) => ({ value: d, label: DETECTOR_LABELS[d] }))}
            value={draft.detector}
            onChange={(e) => set('detector', e.target.value as MaskingRuleDraft['detector'])}
            aria-describedby={`${id}-detector-hint`}
          />
        </Field>
      ) : null}
      {draft.kind === 'regex' ? (
        <Field id={`${id}-pattern`} label="Pattern" hint="A JavaScript regular expression (Unicode mode); every match in a text value is masked.">
          <Input
            id={`${id}-pattern`}
            value={draft.pattern}
            onChange={(e) => set('pattern', e.target.value)}
            placeholder="ORD-\d{6}"
            autoComplete="off"
            spellCheck={false}
            className="font-mono"
            aria-describedby={`${id}-pattern-hint`}
          />
        </Field>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id={`${id}-strategy`} label="Strategy" className="sm:col-span-2">
          <Select
            id={`${id}-strategy`}
            options={options.strategies.map((s) => ({ value: s, label: STRATEGY_LABELS[s] }))}
            value={draft.strategy}
            onChange={(e) => set('strategy', e.target.value as MaskingRuleDraft['strategy'])}
          />
        </Field>
        {draft.strategy === 'keep-last' ? (
          <Field id={`${id}-keep`} label="Characters to keep">
            <Input id={`${id}-keep`} type="number" min={1} max={32} value={draft.keepLast} onChange={(e) => set('keepLast', e.target.value)} />
          </Field>
        ) : null}
      </div>
      {isNew ? (
        <Field id={`${id}-position`} label="Position" className="sm:w-48">
          <Select id={`${id}-position`} options={positionOptions(ruleCount)} value={position} onChange={(e) => setPosition(e.target.value)} />
        </Field>
      ) : null}
      <fieldset className="space-y-3 rounded-md border border-slate-200 bg-white p-3">
        <legend className="px-1 text-sm font-medium text-slate-900">Exemptions</legend>
        <p className="text-xs text-slate-500">Whoever has a checked role, or is a chosen user or token, sees the real value (a later rule may still mask it).</p>
        <CheckboxGroup legend="Exempt roles" options={options.roles} selected={draft.exemptRoles} onChange={(roles) => set('exemptRoles', roles)} />
        <div className="grid gap-4 sm:grid-cols-2">
          <IdPicker id={`${id}-users`} label="Exempt users" noun="user" options={options.users} selected={draft.exemptUserIds} onChange={(ids) => set('exemptUserIds', ids)} />
          <IdPicker id={`${id}-tokens`} label="Exempt tokens" noun="token" options={options.tokens} selected={draft.exemptTokenIds} onChange={(ids) => set('exemptTokenIds', ids)} />
        </div>
      </fieldset>
      <div className="flex items-center gap-2">
        <Button type="submit">Apply</Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <span className="text-xs text-slate-500">Applied changes stay in this list until you save the masking rules.</span>
      </div>
    </form>
  );
}
