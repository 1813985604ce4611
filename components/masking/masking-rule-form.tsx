'use client';

import { CheckboxGroup } from '@/components/policy/checkbox-group';
import { PositionField } from '@/components/rule-list/position-field';
import { RuleFormFrame } from '@/components/rule-list/rule-form-frame';
import { useRuleForm, type RuleFormProps } from '@/components/rule-list/use-rule-form';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select, type SelectOption } from '@/components/ui/select';
import { ColumnPicker } from './column-picker';
import { IdPicker } from './id-picker';
import { DETECTOR_LABELS, MATCH_KIND_LABELS, STRATEGY_LABELS } from './masking-labels';
import type { MaskingOptions, MaskingRuleDraft } from './masking-rule-draft';

const KIND_OPTIONS: SelectOption[] = Object.entries(MATCH_KIND_LABELS).map(([value, label]) => ({ value, label }));

/**
 * Edits one masking rule of the working list. Applying only changes the list in the browser; the
 * server's schema judges the rule when the whole list is saved.
 */
export function MaskingRuleForm({ title, initial, options, ruleCount, onApply, onCancel }: RuleFormProps<MaskingRuleDraft, MaskingOptions>) {
  const { id, draft, set, position, setPosition, submit } = useRuleForm(initial, ruleCount, onApply);

  return (
    <RuleFormFrame id={id} title={title} onSubmit={submit} onCancel={onCancel} reminder="Applied changes stay in this list until you save the masking rules.">
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
      <PositionField id={`${id}-position`} ruleCount={ruleCount} value={position} onChange={setPosition} />
      <fieldset className="space-y-3 rounded-md border border-slate-200 bg-white p-3">
        <legend className="px-1 text-sm font-medium text-slate-900">Exemptions</legend>
        <p className="text-xs text-slate-500">Whoever has a checked role, or is a chosen user or token, sees the real value (a later rule may still mask it).</p>
        <CheckboxGroup legend="Exempt roles" options={options.roles} selected={draft.exemptRoles} onChange={(roles) => set('exemptRoles', roles)} />
        <div className="grid gap-4 sm:grid-cols-2">
          <IdPicker id={`${id}-users`} label="Exempt users" noun="user" options={options.users} selected={draft.exemptUserIds} onChange={(ids) => set('exemptUserIds', ids)} />
          <IdPicker id={`${id}-tokens`} label="Exempt tokens" noun="token" options={options.tokens} selected={draft.exemptTokenIds} onChange={(ids) => set('exemptTokenIds', ids)} />
        </div>
      </fieldset>
    </RuleFormFrame>
  );
}
