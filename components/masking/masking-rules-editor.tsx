'use client';

import { useActionState, useEffect, useState } from 'react';
import type { MaskingRule } from '@/lib/masking/masking-schema';
import { newRuleId } from '@/components/policy/rule-draft';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import type { FormState } from '@/components/ui/field';
import { DetectorQuickAdd } from './detector-quick-add';
import { EMPTY_MASKING_DRAFT, draftFromMaskingRule, maskingRuleFromDraft, type MaskingOptions, type MaskingRuleDraft } from './masking-rule-draft';
import { MaskingRuleForm } from './masking-rule-form';
import { MaskingRuleListItem } from './masking-rule-list-item';
import { describeMaskingProblems, sentMaskingRules, type MaskingSaveProblem } from './masking-save-problems';

export type SavedMasking = { rules: MaskingRule[]; version: number };
export type SaveMaskingAction = (prev: FormState<SavedMasking>, formData: FormData) => Promise<FormState<SavedMasking>>;
type SaveState = FormState<SavedMasking> & { problems?: MaskingSaveProblem[] };

type MaskingRulesEditorProps = {
  targetId: string;
  rules: MaskingRule[];
  saved: MaskingRule[];
  onRulesChange: (change: (rules: MaskingRule[]) => MaskingRule[]) => void;
  onSaved: (rules: MaskingRule[]) => void;
  options: MaskingOptions;
  action: SaveMaskingAction;
};

type Editing = { kind: 'add' } | { kind: 'edit'; id: string } | null;

/**
 * The working list is the page's draft (the previews below use it) until "Save masking rules" sends
 * all of it; the server validates the whole list and saves it in one go or not at all.
 */
export function MaskingRulesEditor({ targetId, rules, saved, onRulesChange, onSaved, options, action }: MaskingRulesEditorProps) {
  const [editing, setEditing] = useState<Editing>(null);
  const [isFeedbackHidden, setFeedbackHidden] = useState(false);
  const [state, formAction, pending] = useActionState<SaveState, FormData>(async (prev, formData) => {
    setFeedbackHidden(false);
    const next = await action(prev, formData);
    if (next.ok && next.data) {
      onSaved(next.data.rules);
      return next;
    }
    return { ...next, problems: next.fieldErrors ? describeMaskingProblems(next.fieldErrors, sentMaskingRules(formData)) : [] };
  }, { ok: false });
  const isDirty = JSON.stringify(rules) !== JSON.stringify(saved);
  const problems = isFeedbackHidden ? [] : (state.problems ?? []);

  useEffect(() => {
    if (!isDirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [isDirty]);

  function move(index: number, by: -1 | 1) {
    onRulesChange((list) => {
      const next = [...list];
      [next[index], next[index + by]] = [next[index + by]!, next[index]!];
      return next;
    });
  }

  function update(id: string, change: (rule: MaskingRule) => MaskingRule) {
    onRulesChange((list) => list.map((rule) => (rule.id === id ? change(rule) : rule)));
  }

  function add(draft: MaskingRuleDraft, position: number) {
    const rule = maskingRuleFromDraft(draft, { id: newRuleId(), enabled: true });
    onRulesChange((list) => [...list.slice(0, position), rule, ...list.slice(position)]);
    setEditing(null);
  }

  function reset() {
    onRulesChange(() => saved);
    setEditing(null);
    setFeedbackHidden(true);
  }

  const isLocked = pending || editing !== null;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <p className="text-sm text-slate-600">{rules.length === 1 ? '1 masking rule' : `${rules.length} masking rules`}, in order.</p>
        {isDirty ? (
          <Badge variant="warning" data-testid="masking-unsaved">
            Unsaved changes
          </Badge>
        ) : null}
        <Button size="sm" className="ml-auto" disabled={isLocked} onClick={() => setEditing({ kind: 'add' })}>
          Add masking rule
        </Button>
      </div>
      <DetectorQuickAdd rules={rules} detectors={options.detectors} isLocked={isLocked} onAdd={(rule) => onRulesChange((list) => [...list, rule])} />
      {editing?.kind === 'add' ? (
        <MaskingRuleForm title="New masking rule" initial={EMPTY_MASKING_DRAFT} options={options} ruleCount={rules.length} onApply={add} onCancel={() => setEditing(null)} />
      ) : null}
      {rules.length === 0 ? (
        <Alert variant="info">No masking rules: results leave this target as they are.</Alert>
      ) : (
        <ol aria-label="Masking rules" className="divide-y divide-slate-100 rounded-md border border-slate-200">
          {rules.map((rule, index) => (
            <MaskingRuleListItem
              key={rule.id}
              rule={rule}
              position={index + 1}
              isFirst={index === 0}
              isLast={index === rules.length - 1}
              isLocked={isLocked}
              users={options.users}
              tokens={options.tokens}
              problems={problems.filter((p) => p.ruleId === rule.id).flatMap((p) => p.messages)}
              onMove={(by) => move(index, by)}
              onToggle={(enabled) => update(rule.id, (r) => ({ ...r, enabled }))}
              onEdit={() => setEditing({ kind: 'edit', id: rule.id })}
              onDelete={() => onRulesChange((list) => list.filter((r) => r.id !== rule.id))}
            >
              {editing?.kind === 'edit' && editing.id === rule.id ? (
                <MaskingRuleForm
                  title={`Edit masking rule ${index + 1}`}
                  initial={draftFromMaskingRule(rule)}
                  options={options}
                  onApply={(draft) => {
                    update(rule.id, (r) => maskingRuleFromDraft(draft, r));
                    setEditing(null);
                  }}
                  onCancel={() => setEditing(null)}
                />
              ) : null}
            </MaskingRuleListItem>
          ))}
        </ol>
      )}
      <form action={formAction} className="space-y-3">
        <input type="hidden" name="target" value={targetId} />
        <input type="hidden" name="rules" value={JSON.stringify(rules)} />
        <SaveFeedback state={state} problems={problems} isVisible={!isFeedbackHidden && !pending} isDirty={isDirty} />
        <div className="flex flex-wrap items-center gap-2">
          <Button type="submit" disabled={!isDirty || isLocked}>
            {pending ? 'Saving…' : 'Save masking rules'}
          </Button>
          <Button variant="secondary" disabled={!isDirty || pending} onClick={reset}>
            Reset to saved
          </Button>
          {editing ? <span className="text-xs text-slate-500">Apply or cancel the open rule before saving.</span> : null}
        </div>
      </form>
    </div>
  );
}

function SaveFeedback({ state, problems, isVisible, isDirty }: { state: SaveState; problems: MaskingSaveProblem[]; isVisible: boolean; isDirty: boolean }) {
  if (!isVisible || !state.message) return null;
  if (state.ok) return isDirty ? null : <Alert variant="success">{state.message}</Alert>;
  if (!problems.length) return <Alert variant="error">{state.message}</Alert>;
  return (
    <Alert variant="error" data-testid="masking-errors">
      <p className="font-medium">Nothing was saved. Fix these problems and save again:</p>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {problems.map((p) => (
          <li key={p.path}>
            <strong>{p.where}</strong>: {p.messages.join('; ')} <code className="text-xs text-red-600">({p.path})</code>
          </li>
        ))}
      </ul>
    </Alert>
  );
}
