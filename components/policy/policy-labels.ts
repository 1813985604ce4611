import type { PolicyRule } from '@/lib/policy/policy-rule-schema';
import type { BadgeVariant } from '@/components/ui/badge';

type Action = PolicyRule['action'];

export const ACTION_LABELS: Record<Action, string> = { allow: 'Allow', block: 'Block', require_approval: 'Require approval' };

export const DECISION_LABELS: Record<Action, string> = { allow: 'Allowed', block: 'Blocked', require_approval: 'Needs approval' };

export const ACTION_BADGES: Record<Action, BadgeVariant> = { allow: 'success', block: 'danger', require_approval: 'warning' };

function part(label: string, items: readonly string[] | undefined): string | null {
  return items?.length ? `${label} ${items.join(', ')}` : null;
}

function count(label: string, items: readonly string[] | undefined): string | null {
  return items?.length ? `${items.length} ${label}${items.length === 1 ? '' : 's'}` : null;
}

/** One line: whom the rule covers, then what it matches ("For user · kinds read · tables public.payments"). */
export function summarizeRule(rule: PolicyRule): string {
  const { subject, match } = rule;
  const who = [part('roles', subject.roles), count('user', subject.userIds), count('token', subject.tokenIds)].filter(Boolean);
  const what = [
    part('kinds', match.kinds),
    part('commands', match.commands),
    part('tables', match.tables),
    part('functions', match.functions),
    part('flags', match.flags),
    match.pattern ? `pattern /${match.pattern}/i` : null,
  ].filter(Boolean);
  return [who.length ? `For ${who.join(', ')}` : 'For everyone', ...(what.length ? what : ['any statement'])].join(' · ');
}
