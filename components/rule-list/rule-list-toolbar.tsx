import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';

type RuleListToolbarProps = {
  /** How many rules there are and how they are applied. */
  summary: string;
  isDirty: boolean;
  unsavedTestId: string;
  addLabel: string;
  isLocked: boolean;
  onAdd: () => void;
};

export function RuleListToolbar({ summary, isDirty, unsavedTestId, addLabel, isLocked, onAdd }: RuleListToolbarProps) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <p className="text-sm text-slate-600">{summary}</p>
      {isDirty ? (
        <Badge variant="warning" data-testid={unsavedTestId}>
          Unsaved changes
        </Badge>
      ) : null}
      <Button size="sm" className="ml-auto" disabled={isLocked} onClick={onAdd}>
        {addLabel}
      </Button>
    </div>
  );
}
