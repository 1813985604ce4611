import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getSessionActor } from '@/app/_server/auth';
import { orNotFound } from '@/app/_server/not-found';
import { getDb } from '@/lib/db/client';
import { hasRole } from '@/lib/auth/actor';
import { getApprovalRequest } from '@/lib/approvals/get-approval-request';
import { ApprovalDetails } from '@/components/approvals/approval-details';
import { ApprovalStatusBadge } from '@/components/approvals/approval-status-badge';
import { ApproversOnly } from '@/components/approvals/approvers-only';
import { DecisionForm } from '@/components/approvals/decision-form';
import { DecisionList } from '@/components/approvals/decision-list';
import { LiveInbox } from '@/components/approvals/live-inbox';
import { ParamsList } from '@/components/approvals/params-list';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { DateTime } from '@/components/ui/date-time';
import { approveAction, denyAction } from '../actions';

export const dynamic = 'force-dynamic';

export default async function ApprovalPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await getSessionActor();
  if (!actor) redirect('/signin');
  if (!hasRole(actor, ['approver', 'admin'])) return <ApproversOnly role={actor.role} />;
  const request = await orNotFound(getApprovalRequest(getDb(), { actor, id }));
  const isPending = request.status === 'pending';
  return (
    <div className="max-w-4xl space-y-4">
      <div className="flex items-center justify-between gap-4">
        <Link href="/approvals" className="text-sm text-slate-500 hover:text-slate-900">
          ← Approvals
        </Link>
        {isPending ? <LiveInbox /> : null}
      </div>
      <Card data-testid={`approval-detail-${request.id}`}>
        <CardHeader className="flex flex-wrap items-center justify-between gap-2 space-y-0">
          <h1 className="text-base font-semibold text-slate-900">
            {request.requesterEmail} on <span className="font-mono">{request.targetName}</span>
          </h1>
          <ApprovalStatusBadge status={request.status} />
        </CardHeader>
        <CardContent className="space-y-4">
          <ApprovalDetails request={request} />
          {isPending ? <DecisionForm field="requestId" value={request.id} approveAction={approveAction} denyAction={denyAction} placeholder="Told to run it on the replica instead" /> : <Outcome request={request} />}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Bind parameters</CardTitle>
        </CardHeader>
        <CardContent>
          <ParamsList params={request.params} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Decisions</CardTitle>
          <CardDescription>Every approver&apos;s vote, oldest first.</CardDescription>
        </CardHeader>
        <CardContent>
          <DecisionList decisions={request.decisions} />
        </CardContent>
      </Card>
    </div>
  );
}

function Outcome({ request }: { request: { status: string; decidedAt: Date | null; decidedByEmail: string | null; decisionReason: string | null } }) {
  return (
    <p className="text-sm text-slate-700" data-testid="approval-outcome">
      {request.status[0]!.toUpperCase() + request.status.slice(1)}
      {request.decidedByEmail ? ` by ${request.decidedByEmail}` : null}
      {request.decidedAt ? (
        <>
          {' '}
          at <DateTime value={request.decidedAt} />
        </>
      ) : null}
      {request.decisionReason ? `: ${request.decisionReason}` : null}
    </p>
  );
}
