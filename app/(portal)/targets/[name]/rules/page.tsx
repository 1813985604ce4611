import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getSessionActor } from '@/app/_server/auth';
import { orNotFound } from '@/app/_server/not-found';
import { getDb } from '@/lib/db/client';
import { ROLES } from '@/lib/db/schema';
import { getTargetPolicyRules } from '@/lib/policy/target-policy';
import { STATEMENT_FLAGS, STATEMENT_KINDS } from '@/lib/sql/classify-sql';
import { getTarget } from '@/lib/targets/list-targets';
import { listUsers } from '@/lib/users/list-users';
import { AdminsOnly } from '@/components/auth/admins-only';
import { PolicySimulator } from '@/components/policy/policy-simulator';
import { RulesEditor } from '@/components/policy/rules-editor';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { saveRulesAction, simulateStatementAction } from './actions';

export const dynamic = 'force-dynamic';

export default async function TargetRulesPage({ params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  const actor = await getSessionActor();
  if (!actor) redirect('/signin');
  if (actor.role !== 'admin') return <AdminsOnly role={actor.role} />;
  const db = getDb();
  const target = await orNotFound(getTarget(db, { actor, idOrName: name }));
  const [rules, users] = await Promise.all([getTargetPolicyRules(db, target.id), listUsers(db, { actor })]);
  const userOptions = users.map((u) => ({ value: u.id, label: `${u.email} (${u.role})${u.disabledAt ? ', disabled' : ''}` }));
  return (
    <div className="max-w-5xl space-y-4">
      <Link href={`/targets/${encodeURIComponent(target.name)}`} className="text-sm text-slate-500 hover:text-slate-900">
        ← {target.name}
      </Link>
      <h1 className="text-xl font-semibold">Policy rules for {target.name}</h1>
      <Card>
        <CardHeader>
          <CardTitle>Rules</CardTitle>
          <CardDescription>
            Each statement sent through the gateway is decided by the first enabled rule that covers the person and matches it; a
            statement no rule matches is blocked, and a query of several statements gets the most severe of their decisions.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <RulesEditor
            targetId={target.id}
            savedRules={rules}
            options={{ roles: ROLES, kinds: STATEMENT_KINDS, flags: STATEMENT_FLAGS }}
            action={saveRulesAction}
          />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Simulator</CardTitle>
          <CardDescription>
            Shows what the saved rules decide for a statement sent by a given person. Unsaved changes above are not simulated: save
            them first.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <PolicySimulator targetId={target.id} users={userOptions} defaultUserId={actor.id ?? userOptions[0]?.value ?? ''} action={simulateStatementAction} />
        </CardContent>
      </Card>
    </div>
  );
}
