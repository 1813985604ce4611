import { Badge, type BadgeVariant } from '@/components/ui/badge';
import type { AccessGrantState } from '@/lib/access-grants/grant-state';

const VARIANT: Record<AccessGrantState, BadgeVariant> = {
  pending: 'warning',
  active: 'success',
  scheduled: 'info',
  expired: 'neutral',
  denied: 'danger',
  revoked: 'neutral',
};

export function GrantStateBadge({ state }: { state: AccessGrantState }) {
  return (
    <Badge variant={VARIANT[state]} data-testid="grant-state">
      {state}
    </Badge>
  );
}
