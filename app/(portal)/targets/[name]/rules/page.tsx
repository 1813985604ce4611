import Link from 'next/link';
import { adminTargetPage } from '@/app/_server/admin-target-page';
import { ROLES } from '@/lib/db/schema';
import { getTargetPolicyRules } from '@/lib/policy/target-policy';
import { STATEMENT_FLAGS, STATEMENT_KINDS } from '@/lib/sql/classify-sql';
import { listUsers } from '@/lib/users/list-users';
import { PolicySimulator } from '@/components/policy/policy-simulator';
import { RulesEditor } from '@/components/policy/rules-editor';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { userSelectOptions } from '@/components/users/user-options';
import { saveRulesAction, simulateStatementAction } from './actions';

export const dynamic = 'force-dynamic';

export default adminTargetPage(async function TargetRulesPage({ actor, target, db }) {
  const [rules, users] = await Promise.all([getTargetPolicyRules(db, target.id), listUsers(db, { actor })]);
  const userOptions = userSelectOptions(users);
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
});
