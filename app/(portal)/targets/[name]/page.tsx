import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getSessionActor } from '@/app/_server/auth';
import { orNotFound } from '@/app/_server/not-found';
import { getDb } from '@/lib/db/client';
import { TLS_MODES } from '@/lib/db/schema';
import { getTarget } from '@/lib/targets/list-targets';
import { AdminsOnly } from '@/components/auth/admins-only';
import { DeleteTargetButton } from '@/components/targets/delete-target-button';
import { TargetForm } from '@/components/targets/target-form';
import { TestConnectionButton } from '@/components/targets/test-connection-button';
import { SessionSettingsForm } from '@/components/targets/session-settings-form';
import { getTargetPolicy } from '@/lib/policy/target-policy';
import { buttonClass } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { deleteTargetAction, testTargetConnectionAction, updateSessionSettingsAction, updateTargetAction } from '../actions';

export const dynamic = 'force-dynamic';

export default async function TargetPage({ params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  const actor = await getSessionActor();
  if (!actor) redirect('/signin');
  if (actor.role !== 'admin') return <AdminsOnly role={actor.role} />;
  const target = await orNotFound(getTarget(getDb(), { actor, idOrName: name }));
  const { settings } = await getTargetPolicy(getDb(), target.id);
  return (
    <div className="max-w-2xl space-y-4">
      <Link href="/targets" className="text-sm text-slate-500 hover:text-slate-900">
        ← Targets
      </Link>
      <Card>
        <CardHeader>
          <CardTitle>{target.name}</CardTitle>
          <CardDescription>
            {target.username}@{target.host}:{target.port}/{target.database}
          </CardDescription>
        </CardHeader>
        <CardContent>
          <TargetForm
            action={updateTargetAction}
            tlsModes={TLS_MODES.map((m) => ({ value: m, label: m }))}
            target={{
              id: target.id,
              name: target.name,
              host: target.host,
              port: String(target.port),
              database: target.database,
              username: target.username,
              tlsMode: target.tlsMode,
            }}
          />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Policy rules and masking</CardTitle>
          <CardDescription>
            Which statements the gateway allows, blocks or holds for approval on this target, and which values it masks in what they return.
          </CardDescription>
        </CardHeader>
        <CardContent className="flex flex-wrap gap-2">
          <Link href={`/targets/${encodeURIComponent(target.name)}/rules`} className={buttonClass({ variant: 'secondary' })}>
            Rules
          </Link>
          <Link href={`/targets/${encodeURIComponent(target.name)}/masking`} className={buttonClass({ variant: 'secondary' })}>
            Masking
          </Link>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Gateway sessions</CardTitle>
          <CardDescription>Limits apply to sessions that start after saving; strict audit within seconds.</CardDescription>
        </CardHeader>
        <CardContent>
          <SessionSettingsForm targetId={target.id} settings={settings} action={updateSessionSettingsAction} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Connection</CardTitle>
          <CardDescription>Connects once with the stored credentials and reports the server version.</CardDescription>
        </CardHeader>
        <CardContent>
          <TestConnectionButton targetId={target.id} action={testTargetConnectionAction} />
        </CardContent>
      </Card>
      <Card className="border-red-200">
        <CardHeader>
          <CardTitle>Delete target</CardTitle>
          <CardDescription>Removes the target and its stored credentials.</CardDescription>
        </CardHeader>
        <CardContent>
          <DeleteTargetButton targetId={target.id} targetName={target.name} action={deleteTargetAction} />
        </CardContent>
      </Card>
    </div>
  );
}
