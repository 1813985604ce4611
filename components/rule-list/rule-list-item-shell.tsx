import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';

/** Where the rule stands in the list and what can be done to it; useRuleListEditor makes these. */
export type RuleListItemControls = {
  position: number;
  isFirst: boolean;
  isLast: boolean;
  isLocked: boolean;
  /** Messages from the last failed save that concern this rule. */
  problems: string[];
  onMove: (by: -1 | 1) => void;
  onToggle: (isEnabled: boolean) => void;
  onEdit: () => void;
  onDelete: () => void;
};

type RuleListItemShellProps = RuleListItemControls & {
  rule: { id: string; name: string; enabled: boolean };
  testId: string;
  /** Shown after the name, before "Disabled". */
  badges: ReactNode;
  /** What the rule does, under its name. */
  details: ReactNode;
  /** The open edit form, shown under the row. */
  children?: ReactNode;
};

/** One row of an ordered rule list: position, name, enable switch, move, edit and delete, and the save problems that concern it. */
export function RuleListItemShell(props: RuleListItemShellProps) {
  const { rule, testId, badges, details, position, isFirst, isLast, isLocked, problems, onMove, onToggle, onEdit, onDelete, children } = props;
  const hasProblems = problems.length > 0;
  return (
    <li
      data-testid={testId}
      data-rule-id={rule.id}
      data-invalid={hasProblems || undefined}
      className={cn('space-y-3 px-4 py-3', hasProblems && 'bg-red-50', !rule.enabled && 'text-slate-500')}
    >
      <div className="flex flex-wrap items-center gap-3">
        <span className="w-6 text-right font-mono text-xs text-slate-400">{position}</span>
        <div className="min-w-0 flex-1 space-y-0.5">
          <div className="flex flex-wrap items-center gap-2">
            <span className={cn('font-medium', rule.enabled ? 'text-slate-900' : 'line-through')}>{rule.name}</span>
            {badges}
            {rule.enabled ? null : <Badge>Disabled</Badge>}
          </div>
          {details}
        </div>
        <label className="flex items-center gap-2 text-xs text-slate-600">
          <input
            type="checkbox"
            role="switch"
            checked={rule.enabled}
            disabled={isLocked}
            onChange={(e) => onToggle(e.target.checked)}
            aria-label={`${rule.name} enabled`}
            className="size-4 rounded border-slate-300"
          />
          Enabled
        </label>
        <div className="flex items-center gap-1">
          <Button size="sm" variant="ghost" disabled={isLocked || isFirst} onClick={() => onMove(-1)} aria-label={`Move ${rule.name} up`}>
            ↑
          </Button>
          <Button size="sm" variant="ghost" disabled={isLocked || isLast} onClick={() => onMove(1)} aria-label={`Move ${rule.name} down`}>
            ↓
          </Button>
          <Button size="sm" variant="secondary" disabled={isLocked} onClick={onEdit} aria-label={`Edit ${rule.name}`}>
            Edit
          </Button>
          <Button size="sm" variant="ghost" disabled={isLocked} onClick={onDelete} aria-label={`Delete ${rule.name}`}>
            Delete
          </Button>
        </div>
      </div>
      {hasProblems ? (
        <ul className="ml-9 space-y-0.5 text-xs text-red-700">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
      {children}
    </li>
  );
}
