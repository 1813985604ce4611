import { Button } from '@/components/ui/button';
import type { FormState } from '@/components/ui/field';
import { SaveFeedback } from './save-feedback';
import type { SaveProblem } from './save-problems';

/** What useRuleListEditor hands the bar. */
export type RuleListSaveBarState = {
  action: (formData: FormData) => void;
  rules: readonly unknown[];
  state: FormState;
  problems: SaveProblem[];
  isFeedbackVisible: boolean;
  isDirty: boolean;
  isLocked: boolean;
  isEditing: boolean;
  pending: boolean;
  onReset: () => void;
};

type RuleListSaveBarProps = RuleListSaveBarState & {
  targetId: string;
  saveLabel: string;
  errorsTestId: string;
};

/** Sends the whole working list as one JSON field, and offers to go back to the saved one. */
export function RuleListSaveBar(props: RuleListSaveBarProps) {
  const { action, rules, state, problems, isFeedbackVisible, isDirty, isLocked, isEditing, pending, onReset, targetId, saveLabel, errorsTestId } = props;
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="target" value={targetId} />
      <input type="hidden" name="rules" value={JSON.stringify(rules)} />
      <SaveFeedback state={state} problems={problems} isVisible={isFeedbackVisible} isDirty={isDirty} errorsTestId={errorsTestId} />
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" disabled={!isDirty || isLocked}>
          {pending ? 'Saving…' : saveLabel}
        </Button>
        <Button variant="secondary" disabled={!isDirty || pending} onClick={onReset}>
          Reset to saved
        </Button>
        {isEditing ? <span className="text-xs text-slate-500">Apply or cancel the open rule before saving.</span> : null}
      </div>
    </form>
  );
}
