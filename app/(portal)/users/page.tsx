import { redirect } from 'next/navigation';
import { getSessionActor } from '@/app/_server/auth';
import { getDb } from '@/lib/db/client';
import { ROLES } from '@/lib/db/schema';
import { listUsers } from '@/lib/users/list-users';
import { listTargets } from '@/lib/targets/list-targets';
import { AdminsOnly } from '@/components/auth/admins-only';
import { UserForm } from '@/components/users/user-form';
import { UserRoleForm } from '@/components/users/user-role-form';
import { UserStatusButton } from '@/components/users/user-status-button';
import { ServiceIdentityForm } from '@/components/users/service-identity-form';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { createUserAction, setUserDisabledAction, updateServiceIdentityAction, updateUserRoleAction } from './actions';

export const dynamic = 'force-dynamic';

const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: r }));

export default async function UsersPage() {
  const actor = await getSessionActor();
  if (!actor) redirect('/signin');
  if (actor.role !== 'admin') return <AdminsOnly role={actor.role} />;
  const [users, targets] = await Promise.all([listUsers(getDb(), { actor }), listTargets(getDb(), { actor })]);
  const targetName = new Map(targets.map((t) => [t.id, t.name]));
  return (
    <>
      <div>
        <h1 className="text-xl font-semibold">Users</h1>
        <p className="text-sm text-slate-500">
          People sign in to the portal; service identities connect with access tokens or, given an OIDC subject, with the identity provider&apos;s JWTs.
        </p>
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
            <TableHead>OIDC subject · target scope</TableHead>
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
                {u.kind === 'service' ? (
                  <ServiceIdentityForm
                    userId={u.id}
                    email={u.email}
                    oidcSubject={u.oidcSubject}
                    targetNames={u.targetIds?.map((id) => targetName.get(id) ?? id) ?? null}
                    action={updateServiceIdentityAction}
                  />
                ) : (
                  <span className="text-slate-400">—</span>
                )}
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
