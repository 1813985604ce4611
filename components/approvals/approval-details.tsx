import type { ApprovalRequestRow } from '@/lib/db/schema/approvals';
import { Badge } from '@/components/ui/badge';
import { DateTime } from '@/components/ui/date-time';
import { SqlHighlight } from './sql-highlight';
import { WaitClock } from './wait-clock';

export type ApprovalSummary = Pick<
  ApprovalRequestRow,
  'id' | 'targetName' | 'requesterEmail' | 'statementText' | 'classification' | 'ruleName' | 'heldReason' | 'status' | 'requiredApprovals' | 'expiresAt' | 'createdAt'
>;

function Term({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="space-y-1">
      <dt className="text-xs font-medium uppercase text-slate-500">{label}</dt>
      <dd className="text-sm text-slate-900">{children}</dd>
    </div>
  );
}

/** What an approver needs to judge a held statement: who, where, what it does, and why it was held. */
export function ApprovalDetails({ request }: { request: ApprovalSummary }) {
  const { classification } = request;
  return (
    <div className="space-y-4">
      <SqlHighlight sql={request.statementText} />
      <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Term label="Requester">
          <span data-testid="approval-requester">{request.requesterEmail}</span>
        </Term>
        <Term label="Target">
          <span className="font-mono" data-testid="approval-target">
            {request.targetName}
          </span>
        </Term>
        <Term label="Kinds">
          {classification?.kinds.length ? (
            <span className="flex flex-wrap gap-1">
              {classification.kinds.map((kind) => (
                <Badge key={kind} variant={kind === 'read' ? 'neutral' : 'warning'}>
                  {kind}
                </Badge>
              ))}
            </span>
          ) : (
            <span className="text-slate-400">not classified</span>
          )}
        </Term>
        <Term label="Tables">
          {classification?.tables.length ? (
            <span className="font-mono text-xs">{classification.tables.join(', ')}</span>
          ) : (
            <span className="text-slate-400">none</span>
          )}
        </Term>
      </dl>
      <Term label="Why it was held">
        <span data-testid="approval-held-reason">
          {request.ruleName ? <span className="font-medium">Rule “{request.ruleName}”: </span> : null}
          {request.heldReason}
        </span>
      </Term>
      {request.requiredApprovals > 1 ? <p className="text-sm text-slate-600">Needs {request.requiredApprovals} approvals.</p> : null}
      {request.status === 'pending' ? (
        <WaitClock createdAt={request.createdAt.toISOString()} expiresAt={request.expiresAt.toISOString()} />
      ) : (
        <p className="text-sm text-slate-600">
          Requested <DateTime value={request.createdAt} />
        </p>
      )}
    </div>
  );
}
