import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getSessionActor } from '@/app/_server/auth';
import { TLS_MODES } from '@/lib/db/schema';
import { AdminsOnly } from '@/components/auth/admins-only';
import { TargetForm } from '@/components/targets/target-form';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { createTargetAction } from '../actions';

export const dynamic = 'force-dynamic';

export default async function NewTargetPage() {
  const actor = await getSessionActor();
  if (!actor) redirect('/signin');
  if (actor.role !== 'admin') return <AdminsOnly role={actor.role} />;
  return (
    <div className="max-w-2xl space-y-4">
      <Link href="/targets" className="text-sm text-slate-500 hover:text-slate-900">
        ← Targets
      </Link>
      <Card>
        <CardHeader>
          <CardTitle>Register target</CardTitle>
          <CardDescription>A PostgreSQL database. The password is encrypted at rest and never shown again.</CardDescription>
        </CardHeader>
        <CardContent>
          <TargetForm action={createTargetAction} tlsModes={TLS_MODES.map((m) => ({ value: m, label: m }))} />
        </CardContent>
      </Card>
    </div>
  );
}
