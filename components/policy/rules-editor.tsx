'use client';

import type { PolicyRule } from '@/lib/policy/policy-rule-schema';
import { newRuleId } from '@/components/rule-list/new-rule-id';
import { RuleList } from '@/components/rule-list/rule-list';
import { RuleListSaveBar } from '@/components/rule-list/rule-list-save-bar';
import { RuleListToolbar } from '@/components/rule-list/rule-list-toolbar';
import { useRuleListDraft } from '@/components/rule-list/use-rule-list-draft';
import { useRuleListEditor, type SaveRulesAction } from '@/components/rule-list/use-rule-list-editor';
import { EMPTY_DRAFT, draftFromRule, ruleFromDraft, type RuleOptions } from './rule-draft';
import { RuleForm } from './rule-form';
import { RuleListItem } from './rule-list-item';
import { describeProblems } from './save-problems';

type RulesEditorProps = {
  targetId: string;
  savedRules: PolicyRule[];
  options: RuleOptions;
  action: SaveRulesAction<PolicyRule>;
};

/** The statement rules of one target, edited as a working list and saved all at once. */
export function RulesEditor({ targetId, savedRules, options, action }: RulesEditorProps) {
  const draft = useRuleListDraft(savedRules);
  const editor = useRuleListEditor({ draft, action, describeProblems });
  const { rules } = draft;
  return (
    <div className="space-y-4">
      <RuleListToolbar
        summary={`${rules.length === 1 ? '1 rule' : `${rules.length} rules`}, evaluated top to bottom for each statement.`}
        isDirty={draft.isDirty}
        unsavedTestId="rules-unsaved"
        addLabel="Add rule"
        isLocked={editor.isLocked}
        onAdd={editor.startAdding}
      />
      {editor.isAdding ? (
        <RuleForm
          title="New rule"
          initial={EMPTY_DRAFT}
          options={options}
          ruleCount={rules.length}
          onApply={(d, position) => editor.add(ruleFromDraft(d, { id: newRuleId(), enabled: true }), position)}
          onCancel={editor.closeForm}
        />
      ) : null}
      <RuleList label="Rules" emptyMessage="No rules: every statement on this target is blocked." isEmpty={rules.length === 0}>
        {rules.map((rule, index) => (
          <RuleListItem key={rule.id} rule={rule} {...editor.itemControls(rule, index)}>
            {editor.isEditing(rule.id) ? (
              <RuleForm
                title={`Edit rule ${index + 1}`}
                initial={draftFromRule(rule)}
                options={options}
                onApply={(d) => editor.replace(rule.id, (r) => ruleFromDraft(d, r))}
                onCancel={editor.closeForm}
              />
            ) : null}
          </RuleListItem>
        ))}
      </RuleList>
      <RuleListSaveBar {...editor.saveBar} targetId={targetId} saveLabel="Save rules" errorsTestId="rules-errors" />
    </div>
  );
}
