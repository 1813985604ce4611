'use client';

import type { ReactNode } from 'react';
import type { PolicyRule } from '@/lib/policy/policy-rule-schema';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { ACTION_BADGES, ACTION_LABELS, summarizeRule } from './policy-labels';

type RuleListItemProps = {
  rule: PolicyRule;
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
  /** The open edit form, shown under the row. */
  children?: ReactNode;
};

export function RuleListItem(props: RuleListItemProps) {
  const { rule, position, isFirst, isLast, isLocked, problems, onMove, onToggle, onEdit, onDelete, children } = props;
  const hasProblems = problems.length > 0;
  return (
    <li
      data-testid="policy-rule"
      data-rule-id={rule.id}
      data-invalid={hasProblems || undefined}
      className={cn('space-y-3 px-4 py-3', hasProblems && 'bg-red-50', !rule.enabled && 'text-slate-500')}
    >
      <div className="flex flex-wrap items-center gap-3">
        <span className="w-6 text-right font-mono text-xs text-slate-400">{position}</span>
        <div className="min-w-0 flex-1 space-y-0.5">
          <div className="flex flex-wrap items-center gap-2">
            <span className={cn('font-medium', rule.enabled ? 'text-slate-900' : 'line-through')}>{rule.name}</span>
            <Badge variant={ACTION_BADGES[rule.action]}>{ACTION_LABELS[rule.action]}</Badge>
            {rule.enabled ? null : <Badge>Disabled</Badge>}
          </div>
          <p className="truncate text-xs text-slate-500" title={summarizeRule(rule)}>
            {summarizeRule(rule)}
          </p>
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
