'use client';

import type { ReactNode } from 'react';
import type { MaskingRule } from '@/lib/masking/masking-schema';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { describeMatch, describeStrategy } from './masking-labels';
import type { ExemptOption } from './masking-rule-draft';

type MaskingRuleListItemProps = {
  rule: MaskingRule;
  position: number;
  isFirst: boolean;
  isLast: boolean;
  isLocked: boolean;
  users: readonly ExemptOption[];
  tokens: readonly ExemptOption[];
  /** Messages from the last failed save that concern this rule. */
  problems: string[];
  onMove: (by: -1 | 1) => void;
  onToggle: (isEnabled: boolean) => void;
  onEdit: () => void;
  onDelete: () => void;
  /** The open edit form, shown under the row. */
  children?: ReactNode;
};

function names(ids: readonly string[] | undefined, options: readonly ExemptOption[], noun: string): string[] {
  const labels = new Map(options.map((o) => [o.value, o.label]));
  return (ids ?? []).map((id) => labels.get(id) ?? `unknown ${noun} ${id}`);
}

/** Who sees the real value, spelled out: roles, then users by e-mail, then tokens by name. */
function Exemptions({ rule, users, tokens }: { rule: MaskingRule; users: readonly ExemptOption[]; tokens: readonly ExemptOption[] }) {
  const groups = [
    { label: 'roles', items: rule.exempt?.roles ?? [] },
    { label: 'users', items: names(rule.exempt?.userIds, users, 'user') },
    { label: 'tokens', items: names(rule.exempt?.tokenIds, tokens, 'token') },
  ].filter((g) => g.items.length > 0);
  if (groups.length === 0) return <p className="text-xs text-slate-500">No exemptions: masked for everyone.</p>;
  return (
    <p className="text-xs text-slate-600" data-testid="masking-rule-exemptions">
      Exempt:{' '}
      {groups.map((g, i) => (
        <span key={g.label}>
          {i > 0 ? ' · ' : null}
          {g.label} <span className="font-medium text-slate-800">{g.items.join(', ')}</span>
        </span>
      ))}
    </p>
  );
}

export function MaskingRuleListItem(props: MaskingRuleListItemProps) {
  const { rule, position, isFirst, isLast, isLocked, users, tokens, problems, onMove, onToggle, onEdit, onDelete, children } = props;
  const hasProblems = problems.length > 0;
  return (
    <li
      data-testid="masking-rule"
      data-rule-id={rule.id}
      data-invalid={hasProblems || undefined}
      className={cn('space-y-3 px-4 py-3', hasProblems && 'bg-red-50', !rule.enabled && 'text-slate-500')}
    >
      <div className="flex flex-wrap items-center gap-3">
        <span className="w-6 text-right font-mono text-xs text-slate-400">{position}</span>
        <div className="min-w-0 flex-1 space-y-0.5">
          <div className="flex flex-wrap items-center gap-2">
            <span className={cn('font-medium', rule.enabled ? 'text-slate-900' : 'line-through')}>{rule.name}</span>
            <Badge variant="info">{describeStrategy(rule.strategy)}</Badge>
            {rule.strict ? <Badge variant="warning">Strict</Badge> : null}
            {rule.enabled ? null : <Badge>Disabled</Badge>}
          </div>
          <p className="truncate font-mono text-xs text-slate-600" title={describeMatch(rule.match)}>
            {describeMatch(rule.match)}
          </p>
          <Exemptions rule={rule} users={users} tokens={tokens} />
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
