import type { ApprovalDecisionRow } from '@/lib/db/schema/approvals';
import { Badge } from '@/components/ui/badge';
import { DateTime } from '@/components/ui/date-time';

type Decision = Pick<ApprovalDecisionRow, 'approverEmail' | 'decision' | 'reason' | 'createdAt'>;

/** Every vote on a request, oldest first: who, when and why. */
export function DecisionList({ decisions }: { decisions: readonly Decision[] }) {
  if (decisions.length === 0) return <p className="text-sm text-slate-500">No one has decided yet.</p>;
  return (
    <ol className="divide-y divide-slate-100" data-testid="approval-decisions">
      {decisions.map((d) => (
        <li key={`${d.approverEmail}-${d.createdAt.toISOString()}`} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 py-2 text-sm">
          <Badge variant={d.decision === 'approve' ? 'success' : 'danger'}>{d.decision === 'approve' ? 'approved' : 'denied'}</Badge>
          <span className="font-medium">{d.approverEmail}</span>
          <span className="text-slate-500">
            <DateTime value={d.createdAt} />
          </span>
          {d.reason ? <p className="w-full text-slate-700">{d.reason}</p> : null}
        </li>
      ))}
    </ol>
  );
}
