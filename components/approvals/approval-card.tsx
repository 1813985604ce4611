import Link from 'next/link';
import type { FormState } from '@/components/ui/field';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { ApprovalDetails, type ApprovalSummary } from './approval-details';
import { ApprovalStatusBadge } from './approval-status-badge';
import { DecisionForm } from './decision-form';

type DecisionAction = (prev: FormState, formData: FormData) => Promise<FormState>;

type ApprovalCardProps = {
  request: ApprovalSummary;
  approveAction: DecisionAction;
  denyAction: DecisionAction;
};

/** One pending request in the inbox, with the controls to decide it. */
export function ApprovalCard({ request, approveAction, denyAction }: ApprovalCardProps) {
  return (
    <Card data-testid={`approval-card-${request.id}`} aria-labelledby={`approval-title-${request.id}`}>
      <CardHeader className="flex flex-wrap items-center justify-between gap-2 space-y-0">
        <CardTitle id={`approval-title-${request.id}`}>
          {request.requesterEmail} on <span className="font-mono">{request.targetName}</span>
        </CardTitle>
        <div className="flex items-center gap-3 text-sm">
          <ApprovalStatusBadge status={request.status} />
          <Link href={`/approvals/${request.id}`} className="text-slate-500 hover:text-slate-900">
            Details →
          </Link>
        </div>
      </CardHeader>
      <CardContent className="space-y-4">
        <ApprovalDetails request={request} />
        <DecisionForm field="requestId" value={request.id} approveAction={approveAction} denyAction={denyAction} placeholder="Told to run it on the replica instead" />
      </CardContent>
    </Card>
  );
}
