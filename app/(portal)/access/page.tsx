import { redirect } from 'next/navigation';
import { getSessionActor } from '@/app/_server/auth';
import { getDb } from '@/lib/db/client';
import { ROLES } from '@/lib/db/schema';
import { listTargets } from '@/lib/targets/list-targets';
import { listAccessGrants } from '@/lib/access-grants/list-access-grants';
import { accessGrantState } from '@/lib/access-grants/grant-state';
import { canDecideAccessGrants, canRevokeAccessGrant } from '@/lib/access-grants/grant-visibility';
import { AccessRequestForm } from '@/components/access/access-request-form';
import { ActiveGrantsTable } from '@/components/access/active-grants-table';
import { MyGrantsTable } from '@/components/access/my-grants-table';
import { PendingGrants } from '@/components/access/pending-grants';
import type { GrantView } from '@/components/access/grant-view';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { approveAccessAction, denyAccessAction, requestAccessAction, revokeAccessAction } from './actions';

export const dynamic = 'force-dynamic';

export default async function AccessPage() {
  const actor = await getSessionActor();
  if (!actor) redirect('/signin');
  const db = getDb();
  const [targets, rows] = await Promise.all([listTargets(db, { actor }), listAccessGrants(db, { actor })]);
  const now = new Date();
  const grants: GrantView[] = rows.map((row) => ({ ...row, state: accessGrantState(row, now) }));
  const isDecider = canDecideAccessGrants(actor);
  const pending = grants.filter((g) => g.state === 'pending' && g.userId !== actor.id).reverse();
  const active = grants.filter((g) => g.state === 'active');

  return (
    <>
      <div>
        <h1 className="text-xl font-semibold">Access</h1>
        <p className="text-sm text-slate-500">Ask for a role on one target for a while; once approved, the gateway treats you as that role there.</p>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>Request access</CardTitle>
          <CardDescription>An approver decides; the time starts when they approve.</CardDescription>
        </CardHeader>
        <CardContent>
          <AccessRequestForm action={requestAccessAction} targetNames={targets.map((t) => t.name)} roles={ROLES.filter((r) => r !== actor.role)} />
        </CardContent>
      </Card>
      <section className="space-y-3">
        <h2 className="text-lg font-semibold">My requests</h2>
        <MyGrantsTable grants={grants.filter((g) => g.userId === actor.id)} />
      </section>
      {isDecider ? (
        <>
          <section className="space-y-3">
            <h2 className="text-lg font-semibold">Waiting for a decision</h2>
            <PendingGrants grants={pending} approveAction={approveAccessAction} denyAction={denyAccessAction} />
          </section>
          <section className="space-y-3">
            <h2 className="text-lg font-semibold">Active grants</h2>
            <ActiveGrantsTable grants={active} canRevoke={(g) => canRevokeAccessGrant(actor, g)} revokeAction={revokeAccessAction} />
          </section>
        </>
      ) : null}
    </>
  );
}
