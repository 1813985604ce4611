import { Badge, type BadgeVariant } from '@/components/ui/badge';

const DECISIONS: Record<string, { label: string; variant: BadgeVariant }> = {
  allow: { label: 'allowed', variant: 'success' },
  block: { label: 'blocked', variant: 'danger' },
  require_approval: { label: 'held', variant: 'warning' },
};

/** The gateway's verdict on a statement. */
export function AuditDecisionBadge({ decision }: { decision: string }) {
  const shown = DECISIONS[decision] ?? { label: decision, variant: 'neutral' as const };
  return <Badge variant={shown.variant}>{shown.label}</Badge>;
}
