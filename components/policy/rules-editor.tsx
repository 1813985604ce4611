'use client';

import { useActionState, useEffect, useState } from 'react';
import type { PolicyRule } from '@/lib/policy/policy-rule-schema';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import type { FormState } from '@/components/ui/field';
import { EMPTY_DRAFT, draftFromRule, newRuleId, ruleFromDraft, type RuleDraft, type RuleOptions } from './rule-draft';
import { RuleForm } from './rule-form';
import { RuleListItem } from './rule-list-item';
import { describeProblems, sentRules, type SaveProblem } from './save-problems';

type Saved = { rules: PolicyRule[]; version: number };
type SaveState = FormState<Saved> & { problems?: SaveProblem[] };

type RulesEditorProps = {
  targetId: string;
  savedRules: PolicyRule[];
  options: RuleOptions;
  action: (prev: FormState<Saved>, formData: FormData) => Promise<FormState<Saved>>;
};

type Editing = { kind: 'add' } | { kind: 'edit'; id: string } | null;

/**
 * The working list lives here until "Save rules" sends all of it, so reordering, toggling and
 * deleting are free to try; the server validates the whole list and saves it in one go or not at all.
 */
export function RulesEditor({ targetId, savedRules, options, action }: RulesEditorProps) {
  const [saved, setSaved] = useState(savedRules);
  const [rules, setRules] = useState(savedRules);
  const [editing, setEditing] = useState<Editing>(null);
  const [isFeedbackHidden, setFeedbackHidden] = useState(false);
  const [state, formAction, pending] = useActionState<SaveState, FormData>(async (prev, formData) => {
    setFeedbackHidden(false);
    const next = await action(prev, formData);
    if (next.ok && next.data) {
      setSaved(next.data.rules);
      setRules(next.data.rules);
      return next;
    }
    return { ...next, problems: next.fieldErrors ? describeProblems(next.fieldErrors, sentRules(formData)) : [] };
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
    setRules((list) => {
      const next = [...list];
      [next[index], next[index + by]] = [next[index + by]!, next[index]!];
      return next;
    });
  }

  function update(id: string, change: (rule: PolicyRule) => PolicyRule) {
    setRules((list) => list.map((rule) => (rule.id === id ? change(rule) : rule)));
  }

  function add(draft: RuleDraft, position: number) {
    const rule = ruleFromDraft(draft, { id: newRuleId(), enabled: true });
    setRules((list) => [...list.slice(0, position), rule, ...list.slice(position)]);
    setEditing(null);
  }

  function reset() {
    setRules(saved);
    setEditing(null);
    setFeedbackHidden(true);
  }

  const isLocked = pending || editing !== null;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <p className="text-sm text-slate-600">
          {rules.length === 1 ? '1 rule' : `${rules.length} rules`}, evaluated top to bottom for each statement.
        </p>
        {isDirty ? (
          <Badge variant="warning" data-testid="rules-unsaved">
            Unsaved changes
          </Badge>
        ) : null}
        <Button size="sm" className="ml-auto" disabled={isLocked} onClick={() => setEditing({ kind: 'add' })}>
          Add rule
        </Button>
      </div>
      {editing?.kind === 'add' ? (
        <RuleForm title="New rule" initial={EMPTY_DRAFT} options={options} ruleCount={rules.length} onApply={add} onCancel={() => setEditing(null)} />
      ) : null}
      {rules.length === 0 ? (
        <Alert variant="info">No rules: every statement on this target is blocked.</Alert>
      ) : (
        <ol aria-label="Rules" className="divide-y divide-slate-100 rounded-md border border-slate-200">
          {rules.map((rule, index) => (
            <RuleListItem
              key={rule.id}
              rule={rule}
              position={index + 1}
              isFirst={index === 0}
              isLast={index === rules.length - 1}
              isLocked={isLocked}
              problems={problems.filter((p) => p.ruleId === rule.id).flatMap((p) => p.messages)}
              onMove={(by) => move(index, by)}
              onToggle={(enabled) => update(rule.id, (r) => ({ ...r, enabled }))}
              onEdit={() => setEditing({ kind: 'edit', id: rule.id })}
              onDelete={() => setRules((list) => list.filter((r) => r.id !== rule.id))}
            >
              {editing?.kind === 'edit' && editing.id === rule.id ? (
                <RuleForm
                  title={`Edit rule ${index + 1}`}
                  initial={draftFromRule(rule)}
                  options={options}
                  onApply={(draft) => {
                    update(rule.id, (r) => ruleFromDraft(draft, r));
                    setEditing(null);
                  }}
                  onCancel={() => setEditing(null)}
                />
              ) : null}
            </RuleListItem>
          ))}
        </ol>
      )}
      <form action={formAction} className="space-y-3">
        <input type="hidden" name="target" value={targetId} />
        <input type="hidden" name="rules" value={JSON.stringify(rules)} />
        <SaveFeedback state={state} problems={problems} isVisible={!isFeedbackHidden && !pending} isDirty={isDirty} />
        <div className="flex flex-wrap items-center gap-2">
          <Button type="submit" disabled={!isDirty || isLocked}>
            {pending ? 'Saving…' : 'Save rules'}
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

function SaveFeedback({ state, problems, isVisible, isDirty }: { state: SaveState; problems: SaveProblem[]; isVisible: boolean; isDirty: boolean }) {
  if (!isVisible || !state.message) return null;
  if (state.ok) return isDirty ? null : <Alert variant="success">{state.message}</Alert>;
  if (!problems.length) return <Alert variant="error">{state.message}</Alert>;
  return (
    <Alert variant="error" data-testid="rules-errors">
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
