'use client';

import type { MaskingRule } from '@/lib/masking/masking-schema';
import { newRuleId } from '@/components/rule-list/new-rule-id';
import { RuleList } from '@/components/rule-list/rule-list';
import { RuleListSaveBar } from '@/components/rule-list/rule-list-save-bar';
import { RuleListToolbar } from '@/components/rule-list/rule-list-toolbar';
import type { RuleListDraft } from '@/components/rule-list/use-rule-list-draft';
import { useRuleListEditor, type SaveRulesAction } from '@/components/rule-list/use-rule-list-editor';
import { DetectorQuickAdd } from './detector-quick-add';
import { EMPTY_MASKING_DRAFT, draftFromMaskingRule, maskingRuleFromDraft, type MaskingOptions } from './masking-rule-draft';
import { MaskingRuleForm } from './masking-rule-form';
import { MaskingRuleListItem } from './masking-rule-list-item';
import { describeMaskingProblems } from './masking-save-problems';

type MaskingRulesEditorProps = {
  targetId: string;
  /** The page's working copy: the previews below run it too. */
  draft: RuleListDraft<MaskingRule>;
  options: MaskingOptions;
  action: SaveRulesAction<MaskingRule>;
};

/** The masking rules of one target, edited as a working list and saved all at once. */
export function MaskingRulesEditor({ targetId, draft, options, action }: MaskingRulesEditorProps) {
  const editor = useRuleListEditor({ draft, action, describeProblems: describeMaskingProblems });
  const { rules } = draft;
  return (
    <div className="space-y-4">
      <RuleListToolbar
        summary={`${rules.length === 1 ? '1 masking rule' : `${rules.length} masking rules`}, in order.`}
        isDirty={draft.isDirty}
        unsavedTestId="masking-unsaved"
        addLabel="Add masking rule"
        isLocked={editor.isLocked}
        onAdd={editor.startAdding}
      />
      <DetectorQuickAdd rules={rules} detectors={options.detectors} isLocked={editor.isLocked} onAdd={(rule) => draft.insert(rule)} />
      {editor.isAdding ? (
        <MaskingRuleForm
          title="New masking rule"
          initial={EMPTY_MASKING_DRAFT}
          options={options}
          ruleCount={rules.length}
          onApply={(d, position) => editor.add(maskingRuleFromDraft(d, { id: newRuleId(), enabled: true }), position)}
          onCancel={editor.closeForm}
        />
      ) : null}
      <RuleList label="Masking rules" emptyMessage="No masking rules: results leave this target as they are." isEmpty={rules.length === 0}>
        {rules.map((rule, index) => (
          <MaskingRuleListItem key={rule.id} rule={rule} users={options.users} tokens={options.tokens} {...editor.itemControls(rule, index)}>
            {editor.isEditing(rule.id) ? (
              <MaskingRuleForm
                title={`Edit masking rule ${index + 1}`}
                initial={draftFromMaskingRule(rule)}
                options={options}
                onApply={(d) => editor.replace(rule.id, (r) => maskingRuleFromDraft(d, r))}
                onCancel={editor.closeForm}
              />
            ) : null}
          </MaskingRuleListItem>
        ))}
      </RuleList>
      <RuleListSaveBar {...editor.saveBar} targetId={targetId} saveLabel="Save masking rules" errorsTestId="masking-errors" />
    </div>
  );
}
