import { redirect } from 'next/navigation';
import { getSessionActor } from '@/app/_server/auth';
import { getDb } from '@/lib/db/client';
import { getEnv, isOidcConfigured } from '@/lib/env';
import { getAuthSettings } from '@/lib/settings/auth-settings';
import { AdminsOnly } from '@/components/auth/admins-only';
import { AuthSettingsForm } from '@/components/settings/auth-settings-form';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { updateAuthSettingsAction } from './actions';

export const dynamic = 'force-dynamic';

export default async function SettingsPage() {
  const actor = await getSessionActor();
  if (!actor) redirect('/signin');
  if (actor.role !== 'admin') return <AdminsOnly role={actor.role} />;
  const env = getEnv();
  const settings = await getAuthSettings(getDb());
  return (
    <>
      <div>
        <h1 className="text-xl font-semibold">Settings</h1>
        <p className="text-sm text-slate-500">Installation-wide settings; every change is in the audit log.</p>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>Sign-in</CardTitle>
          <CardDescription>
            Requiring single sign-on turns passwords off for everyone but the break-glass admin, including password sessions already open.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <AuthSettingsForm settings={settings} oidcName={isOidcConfigured(env) ? env.OIDC_NAME : null} action={updateAuthSettingsAction} />
        </CardContent>
      </Card>
    </>
  );
}
