import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getSessionActor } from '@/app/_server/auth';
import { getDb } from '@/lib/db/client';
import { listTargets } from '@/lib/targets/list-targets';
import { AdminsOnly } from '@/components/auth/admins-only';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { DateTime } from '@/components/ui/date-time';
import { Table, TableBody, TableCell, TableEmpty, TableHead, TableHeader, TableRow } from '@/components/ui/table';

export const dynamic = 'force-dynamic';

export default async function TargetsPage() {
  const actor = await getSessionActor();
  if (!actor) redirect('/signin');
  if (actor.role !== 'admin') return <AdminsOnly role={actor.role} />;
  const targets = await listTargets(getDb(), { actor });
  return (
    <>
      <div className="flex items-center justify-between">
        <div>
          <h1 className="text-xl font-semibold">Targets</h1>
          <p className="text-sm text-slate-500">Databases reachable through the gateway.</p>
        </div>
        <Link href="/targets/new" className={buttonClass()}>
          Register target
        </Link>
      </div>
      <Table>
        <TableHeader>
          <tr>
            <TableHead>Name</TableHead>
            <TableHead>Host</TableHead>
            <TableHead>Database</TableHead>
            <TableHead>Username</TableHead>
            <TableHead>TLS mode</TableHead>
            <TableHead>Created</TableHead>
          </tr>
        </TableHeader>
        <TableBody>
          {targets.length === 0 ? <TableEmpty colSpan={6}>No targets yet. Register one to get started.</TableEmpty> : null}
          {targets.map((t) => (
            <TableRow key={t.id}>
              <TableCell>
                <Link href={`/targets/${encodeURIComponent(t.name)}`} className="font-medium text-slate-900 underline-offset-2 hover:underline">
                  {t.name}
                </Link>
              </TableCell>
              <TableCell className="font-mono text-xs">
                {t.host}:{t.port}
              </TableCell>
              <TableCell>{t.database}</TableCell>
              <TableCell>{t.username}</TableCell>
              <TableCell>
                <Badge variant={t.tlsMode === 'disable' ? 'warning' : 'neutral'}>{t.tlsMode}</Badge>
              </TableCell>
              <TableCell>
                <DateTime value={t.createdAt} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
