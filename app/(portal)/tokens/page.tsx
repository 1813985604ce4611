import { redirect } from 'next/navigation';
import { getSessionActor } from '@/app/_server/auth';
import { getDb } from '@/lib/db/client';
import { listAccessTokens } from '@/lib/tokens/list-access-tokens';
import type { TokenStatus } from '@/lib/tokens/public-token';
import { listTargets } from '@/lib/targets/list-targets';
import { listUsers } from '@/lib/users/list-users';
import { RevokeButton } from '@/components/ui/revoke-button';
import { TokenForm } from '@/components/tokens/token-form';
import { Badge, type BadgeVariant } from '@/components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { DateTime } from '@/components/ui/date-time';
import { Table, TableBody, TableCell, TableEmpty, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { createTokenAction, revokeTokenAction } from './actions';

export const dynamic = 'force-dynamic';

const STATUS_BADGE: Record<TokenStatus, BadgeVariant> = { active: 'success', expired: 'warning', revoked: 'neutral' };

export default async function TokensPage() {
  const actor = await getSessionActor();
  if (!actor) redirect('/signin');
  const db = getDb();
  const isAdmin = actor.role === 'admin';
  const [tokens, targets, users] = await Promise.all([
    listAccessTokens(db, { actor }),
    listTargets(db, { actor }),
    isAdmin ? listUsers(db, { actor }) : Promise.resolve(null),
  ]);
  const targetNames = new Map(targets.map((t) => [t.id, t.name]));
  const owners = users
    ? [
        { value: actor.email, label: `${actor.email} (you)` },
        ...users.filter((u) => u.kind === 'service' && !u.disabledAt).map((u) => ({ value: u.email, label: `${u.email} (service)` })),
      ]
    : null;
  const columns = isAdmin ? 8 : 7;

  return (
    <>
      <div>
        <h1 className="text-xl font-semibold">Access tokens</h1>
        <p className="text-sm text-slate-500">Tokens let people, scripts and agents connect through the gateway.</p>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>Create token</CardTitle>
          <CardDescription>The token is shown once, right after it is created.</CardDescription>
        </CardHeader>
        <CardContent>
          <TokenForm action={createTokenAction} targetNames={targets.map((t) => t.name)} owners={owners} />
        </CardContent>
      </Card>
      <Table>
        <TableHeader>
          <tr>
            <TableHead>Name</TableHead>
            {isAdmin ? <TableHead>Owner</TableHead> : null}
            <TableHead>Prefix</TableHead>
            <TableHead>Scope</TableHead>
            <TableHead>Expires</TableHead>
            <TableHead>Last used</TableHead>
            <TableHead>Status</TableHead>
            <TableHead className="text-right">
              <span className="sr-only">Actions</span>
            </TableHead>
          </tr>
        </TableHeader>
        <TableBody>
          {tokens.length === 0 ? <TableEmpty colSpan={columns}>No tokens yet.</TableEmpty> : null}
          {tokens.map((t) => (
            <TableRow key={t.id} data-testid={`token-row-${t.id}`}>
              <TableCell className="font-medium">{t.name}</TableCell>
              {isAdmin ? <TableCell>{t.userEmail}</TableCell> : null}
              <TableCell className="font-mono text-xs">{t.displayPrefix}…</TableCell>
              <TableCell>
                {t.targetIds ? t.targetIds.map((id) => targetNames.get(id) ?? 'deleted target').join(', ') : 'all targets'}
              </TableCell>
              <TableCell>
                <DateTime value={t.expiresAt} />
              </TableCell>
              <TableCell>
                <DateTime value={t.lastUsedAt} />
              </TableCell>
              <TableCell>
                <Badge variant={STATUS_BADGE[t.status]}>{t.status}</Badge>
              </TableCell>
              <TableCell className="text-right">
                {t.status === 'active' ? <RevokeButton field="tokenId" value={t.id} label={t.name} action={revokeTokenAction} /> : null}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
