import { DateTime } from '@/components/ui/date-time';
import { Table, TableBody, TableCell, TableEmpty, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { GrantStateBadge } from './grant-state-badge';
import { TimeLeft } from './time-left';
import { formatGrantDuration, type GrantView } from './grant-view';

/** The signed-in person's own requests, newest first. */
export function MyGrantsTable({ grants }: { grants: GrantView[] }) {
  return (
    <Table aria-label="My access requests">
      <TableHeader>
        <tr>
          <TableHead>Target</TableHead>
          <TableHead>Role</TableHead>
          <TableHead>Duration</TableHead>
          <TableHead>Requested</TableHead>
          <TableHead>Status</TableHead>
          <TableHead>Time left</TableHead>
          <TableHead>Decision</TableHead>
        </tr>
      </TableHeader>
      <TableBody>
        {grants.length === 0 ? <TableEmpty colSpan={7}>You have not requested access yet.</TableEmpty> : null}
        {grants.map((g) => (
          <TableRow key={g.id} data-testid={`my-grant-${g.id}`}>
            <TableCell className="font-medium">{g.targetName}</TableCell>
            <TableCell>{g.role}</TableCell>
            <TableCell>{formatGrantDuration(g.durationSeconds)}</TableCell>
            <TableCell>
              <DateTime value={g.createdAt} />
            </TableCell>
            <TableCell>
              <GrantStateBadge state={g.state} />
            </TableCell>
            <TableCell>{g.state === 'active' && g.endsAt ? <TimeLeft endsAt={g.endsAt} /> : <span className="text-slate-400">-</span>}</TableCell>
            <TableCell className="text-slate-600">
              {g.decidedByEmail ? `${g.decidedByEmail}${g.decisionReason ? `: ${g.decisionReason}` : ''}` : null}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
