import type { FormState } from '@/components/ui/field';
import { Table, TableBody, TableCell, TableEmpty, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { RevokeButton } from '@/components/ui/revoke-button';
import { TimeLeft } from './time-left';
import type { GrantView } from './grant-view';

type ActiveGrantsTableProps = {
  grants: GrantView[];
  /** Whether the viewer may revoke this grant: admins any, approvers those they approved. */
  canRevoke: (grant: GrantView) => boolean;
  revokeAction: (prev: FormState, formData: FormData) => Promise<FormState>;
};

export function ActiveGrantsTable({ grants, canRevoke, revokeAction }: ActiveGrantsTableProps) {
  return (
    <Table aria-label="Active grants">
      <TableHeader>
        <tr>
          <TableHead>Person</TableHead>
          <TableHead>Target</TableHead>
          <TableHead>Role</TableHead>
          <TableHead>Approved by</TableHead>
          <TableHead>Time left</TableHead>
          <TableHead className="text-right">
            <span className="sr-only">Actions</span>
          </TableHead>
        </tr>
      </TableHeader>
      <TableBody>
        {grants.length === 0 ? <TableEmpty colSpan={6}>No grant is running.</TableEmpty> : null}
        {grants.map((g) => (
          <TableRow key={g.id} data-testid={`active-grant-${g.id}`}>
            <TableCell>{g.userEmail}</TableCell>
            <TableCell className="font-medium">{g.targetName}</TableCell>
            <TableCell>{g.role}</TableCell>
            <TableCell>{g.decidedByEmail}</TableCell>
            <TableCell>{g.endsAt ? <TimeLeft endsAt={g.endsAt} /> : null}</TableCell>
            <TableCell className="text-right">
              {canRevoke(g) ? <RevokeButton field="grantId" value={g.id} label={`${g.role} for ${g.userEmail} on ${g.targetName}`} action={revokeAction} /> : null}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
