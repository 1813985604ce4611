'use client';

import { useActionState, useState } from 'react';
import type { FormState } from '@/components/ui/field';
import type { RuleListItemControls } from './rule-list-item-shell';
import type { RuleListSaveBarState } from './rule-list-save-bar';
import { sentRules, type DescribeProblems, type SaveProblem } from './save-problems';
import type { RuleListDraft } from './use-rule-list-draft';

export type SavedRules<T> = { rules: T[]; version: number };
export type SaveRulesAction<T> = (prev: FormState<SavedRules<T>>, formData: FormData) => Promise<FormState<SavedRules<T>>>;
export type SaveState<T> = FormState<SavedRules<T>> & { problems?: SaveProblem[] };

type Editing = { kind: 'add' } | { kind: 'edit'; id: string } | null;

type UseRuleListEditorOptions<T> = {
  draft: RuleListDraft<T>;
  action: SaveRulesAction<T>;
  describeProblems: DescribeProblems;
};

/**
 * Which rule form is open and what the last save said, over a working copy. One form at a time:
 * while it is open (or a save is on its way) the list and the save button are locked, so the list
 * that is sent is the one on screen. The server validates the whole list and saves it in one go or
 * not at all; its field errors are turned into problems named after the rules as they were sent.
 */
export function useRuleListEditor<T extends { id: string; enabled: boolean }>({ draft, action, describeProblems }: UseRuleListEditorOptions<T>) {
  const [editing, setEditing] = useState<Editing>(null);
  const [isFeedbackHidden, setFeedbackHidden] = useState(false);
  const [state, formAction, pending] = useActionState<SaveState<T>, FormData>(async (prev, formData) => {
    setFeedbackHidden(false);
    const next = await action(prev, formData);
    if (next.ok && next.data) {
      draft.markSaved(next.data.rules);
      return next;
    }
    return { ...next, problems: next.fieldErrors ? describeProblems(next.fieldErrors, sentRules(formData)) : [] };
  }, { ok: false });
  const problems = isFeedbackHidden ? [] : (state.problems ?? []);
  const isLocked = pending || editing !== null;

  const saveBar: RuleListSaveBarState = {
    action: formAction,
    rules: draft.rules,
    state,
    problems,
    isFeedbackVisible: !isFeedbackHidden && !pending,
    isDirty: draft.isDirty,
    isLocked,
    isEditing: editing !== null,
    pending,
    onReset: () => {
      draft.reset();
      setEditing(null);
      setFeedbackHidden(true);
    },
  };

  return {
    isLocked,
    isAdding: editing?.kind === 'add',
    isEditing: (id: string) => editing?.kind === 'edit' && editing.id === id,
    startAdding: () => setEditing({ kind: 'add' }),
    closeForm: () => setEditing(null),
    add: (rule: T, position: number) => {
      draft.insert(rule, position);
      setEditing(null);
    },
    replace: (id: string, change: (rule: T) => T) => {
      draft.update(id, change);
      setEditing(null);
    },
    itemControls: (rule: T, index: number): RuleListItemControls => ({
      position: index + 1,
      isFirst: index === 0,
      isLast: index === draft.rules.length - 1,
      isLocked,
      problems: problems.filter((p) => p.ruleId === rule.id).flatMap((p) => p.messages),
      onMove: (by) => draft.move(index, by),
      onToggle: (enabled) => draft.update(rule.id, (r) => ({ ...r, enabled })),
      onEdit: () => setEditing({ kind: 'edit', id: rule.id }),
      onDelete: () => draft.remove(rule.id),
    }),
    saveBar,
  };
}
