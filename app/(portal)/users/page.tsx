import { redirect } from 'next/navigation';
import { getSessionActor } from '@/app/_server/auth';
import { getDb } from '@/lib/db/client';
import { ROLES } from '@/lib/db/schema';
import { listUsers } from '@/lib/users/list-users';
import { AdminsOnly } from '@/components/auth/admins-only';
import { UserForm } from '@/components/users/user-form';
import { UserRoleForm } from '@/components/users/user-role-form';
import { UserStatusButton } from '@/components/users/user-status-button';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { createUserAction, setUserDisabledAction, updateUserRoleAction } from './actions';

export const dynamic = 'force-dynamic';

const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: r }));

export default async function UsersPage() {
  const actor = await getSessionActor();
  if (!actor) redirect('/signin');
  if (actor.role !== 'admin') return <AdminsOnly role={actor.role} />;
  const users = await listUsers(getDb(), { actor });
  return (
    <>
      <div>
        <h1 className="text-xl font-semibold">Users</h1>
        <p className="text-sm text-slate-500">People sign in to the portal; service identities connect with access tokens.</p>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>Create user</CardTitle>
          <CardDescription>There is no public sign-up: every account starts here.</CardDescription>
        </CardHeader>
        <CardContent>
          <UserForm action={createUserAction} roles={ROLE_OPTIONS} />
        </CardContent>
      </Card>
      <Table>
        <TableHeader>
          <tr>
            <TableHead>E-mail</TableHead>
            <TableHead>Name</TableHead>
            <TableHead>Kind</TableHead>
            <TableHead>Role</TableHead>
            <TableHead>Status</TableHead>
            <TableHead className="text-right">
              <span className="sr-only">Actions</span>
            </TableHead>
          </tr>
        </TableHeader>
        <TableBody>
          {users.map((u) => (
            <TableRow key={u.id}>
              <TableCell className="font-medium">
                {u.email}
                {u.id === actor.id ? <span className="ml-2 text-xs text-slate-400">(you)</span> : null}
              </TableCell>
              <TableCell>{u.name}</TableCell>
              <TableCell>{u.kind === 'service' ? 'service identity' : 'person'}</TableCell>
              <TableCell>
                <UserRoleForm userId={u.id} email={u.email} role={u.role} roles={ROLE_OPTIONS} action={updateUserRoleAction} />
              </TableCell>
              <TableCell>
                <Badge variant={u.disabledAt ? 'danger' : 'success'}>{u.disabledAt ? 'disabled' : 'active'}</Badge>
              </TableCell>
              <TableCell>
                <UserStatusButton userId={u.id} isDisabled={Boolean(u.disabledAt)} action={setUserDisabledAction} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
