'use client';

import type { ReactNode } from 'react';
import type { MaskingRule } from '@/lib/masking/masking-schema';
import { RuleListItemShell, type RuleListItemControls } from '@/components/rule-list/rule-list-item-shell';
import { Badge } from '@/components/ui/badge';
import { describeMatch, describeStrategy } from './masking-labels';
import type { ExemptOption } from './masking-rule-draft';

type MaskingRuleListItemProps = RuleListItemControls & {
  rule: MaskingRule;
  users: readonly ExemptOption[];
  tokens: readonly ExemptOption[];
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

export function MaskingRuleListItem({ rule, users, tokens, ...props }: MaskingRuleListItemProps) {
  return (
    <RuleListItemShell
      {...props}
      rule={rule}
      testId="masking-rule"
      badges={
        <>
          <Badge variant="info">{describeStrategy(rule.strategy)}</Badge>
          {rule.strict ? <Badge variant="warning">Strict</Badge> : null}
        </>
      }
      details={
        <>
          <p className="truncate font-mono text-xs text-slate-600" title={describeMatch(rule.match)}>
            {describeMatch(rule.match)}
          </p>
          <Exemptions rule={rule} users={users} tokens={tokens} />
        </>
      }
    />
  );
}
