import Link from 'next/link';
import type { ApprovalRequestRow } from '@/lib/db/schema/approvals';
import { DateTime } from '@/components/ui/date-time';
import { Table, TableBody, TableCell, TableEmpty, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { ApprovalStatusBadge } from './approval-status-badge';

type HistoryRow = Pick<
  ApprovalRequestRow,
  'id' | 'targetName' | 'requesterEmail' | 'statementText' | 'status' | 'createdAt' | 'decidedAt' | 'decidedByEmail' | 'decisionReason'
>;

/** Decided requests: what was asked, the outcome, by whom and why. */
export function HistoryTable({ rows }: { rows: readonly HistoryRow[] }) {
  return (
    <Table data-testid="approval-history">
      <TableHeader>
        <tr>
          <TableHead>Requested</TableHead>
          <TableHead>Requester</TableHead>
          <TableHead>Target</TableHead>
          <TableHead>Statement</TableHead>
          <TableHead>Status</TableHead>
          <TableHead>Decided by</TableHead>
          <TableHead>Reason</TableHead>
        </tr>
      </TableHeader>
      <TableBody>
        {rows.length === 0 ? <TableEmpty colSpan={7}>No decided requests match.</TableEmpty> : null}
        {rows.map((r) => (
          <TableRow key={r.id} data-testid={`history-row-${r.id}`}>
            <TableCell>
              <Link href={`/approvals/${r.id}`} className="underline-offset-2 hover:underline">
                <DateTime value={r.createdAt} />
              </Link>
            </TableCell>
            <TableCell>{r.requesterEmail}</TableCell>
            <TableCell className="font-mono text-xs">{r.targetName}</TableCell>
            <TableCell className="max-w-72 truncate font-mono text-xs" title={r.statementText}>
              {r.statementText}
            </TableCell>
            <TableCell>
              <ApprovalStatusBadge status={r.status} />
            </TableCell>
            <TableCell>
              {r.decidedByEmail ?? <span className="text-slate-400">—</span>}
              {r.decidedAt ? (
                <div className="text-xs text-slate-500">
                  <DateTime value={r.decidedAt} />
                </div>
              ) : null}
            </TableCell>
            <TableCell className="max-w-64" data-testid="history-reason">
              {r.decisionReason ?? <span className="text-slate-400">—</span>}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
