import type { ApprovalStatus } from '@/lib/db/schema/approvals';
import { Badge, type BadgeVariant } from '@/components/ui/badge';

const STATUS_BADGE: Record<ApprovalStatus, BadgeVariant> = {
  pending: 'warning',
  approved: 'success',
  denied: 'danger',
  expired: 'neutral',
  withdrawn: 'neutral',
  aborted: 'neutral',
};

export function ApprovalStatusBadge({ status }: { status: ApprovalStatus }) {
  return (
    <Badge variant={STATUS_BADGE[status]} data-testid="approval-status">
      {status}
    </Badge>
  );
}
