'use client';

import type { ReactNode } from 'react';
import type { PolicyRule } from '@/lib/policy/policy-rule-schema';
import { RuleListItemShell, type RuleListItemControls } from '@/components/rule-list/rule-list-item-shell';
import { Badge } from '@/components/ui/badge';
import { ACTION_BADGES, ACTION_LABELS, summarizeRule } from './policy-labels';

type RuleListItemProps = RuleListItemControls & {
  rule: PolicyRule;
  /** The open edit form, shown under the row. */
  children?: ReactNode;
};

export function RuleListItem({ rule, ...props }: RuleListItemProps) {
  return (
    <RuleListItemShell
      {...props}
      rule={rule}
      testId="policy-rule"
      badges={<Badge variant={ACTION_BADGES[rule.action]}>{ACTION_LABELS[rule.action]}</Badge>}
      details={
        <p className="truncate text-xs text-slate-500" title={summarizeRule(rule)}>
          {summarizeRule(rule)}
        </p>
      }
    />
  );
}
