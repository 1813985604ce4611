import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { DateTime } from '@/components/ui/date-time';
import type { FormState } from '@/components/ui/field';
import { DecisionForm } from '@/components/approvals/decision-form';
import { formatGrantDuration, type GrantView } from './grant-view';

type GrantAction = (prev: FormState, formData: FormData) => Promise<FormState>;

type PendingGrantsProps = { grants: GrantView[]; approveAction: GrantAction; denyAction: GrantAction };

/** Requests from other people waiting for an approver, oldest first. */
export function PendingGrants({ grants, approveAction, denyAction }: PendingGrantsProps) {
  if (grants.length === 0) return <p className="text-sm text-slate-500">Nothing is waiting for a decision.</p>;
  return (
    <div className="space-y-4">
      {grants.map((g) => (
        <Card key={g.id} data-testid={`pending-grant-${g.id}`}>
          <CardHeader>
            <CardTitle>
              {g.userEmail} asks for {g.role} on {g.targetName} for {formatGrantDuration(g.durationSeconds)}
            </CardTitle>
            <CardDescription>
              Requested <DateTime value={g.createdAt} />
            </CardDescription>
          </CardHeader>
          <CardContent className="space-y-4">
            <p className="whitespace-pre-wrap text-sm" data-testid="grant-reason">
              {g.reason}
            </p>
            <DecisionForm field="grantId" value={g.id} approveAction={approveAction} denyAction={denyAction} />
          </CardContent>
        </Card>
      ))}
    </div>
  );
}
