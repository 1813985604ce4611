import type { GatewaySessionRow } from '@/lib/db/schema';
import { formatDuration } from '@/components/approvals/format-duration';
import { DateTime } from '@/components/ui/date-time';
import { describeDelegation } from '@/lib/auth/oidc/delegation-chain';
import { SessionStatus } from './session-status';

function Term({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="space-y-1">
      <dt className="text-xs font-medium uppercase text-slate-500">{label}</dt>
      <dd className="text-sm text-slate-900">{children}</dd>
    </div>
  );
}

const dash = <span className="text-slate-400">—</span>;

/** Who connected, to what, from where, when, for how long, and how it ended. */
export function SessionSummary({ session, durationMs }: { session: GatewaySessionRow; durationMs: number }) {
  const isLive = session.endedAt === null;
  const actingFor = describeDelegation(session.actingFor);
  return (
    <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" data-testid="session-summary">
      <Term label="User">
        <span data-testid="session-user">{session.userEmail}</span>
        {actingFor ? (
          <div className="text-xs text-slate-500" data-testid="session-acting-for">
            acting for {actingFor}
          </div>
        ) : null}
      </Term>
      <Term label="Target">
        <span className="font-mono">{session.targetName}</span> <span className="text-slate-500">({session.protocol})</span>
      </Term>
      <Term label="Started">
        <DateTime value={session.startedAt} />
      </Term>
      <Term label={isLive ? 'Running for' : 'Lasted'}>{formatDuration(durationMs)}</Term>
      <Term label="Client">
        {session.clientAddress ?? dash}
        {session.applicationName ? <span className="text-slate-500"> · {session.applicationName}</span> : null}
      </Term>
      <Term label={session.authMethod === 'jwt' ? 'Credential' : 'Token'}>
        {session.authMethod === 'jwt' ? <span data-testid="session-auth-method">identity provider JWT</span> : session.tokenId ? <span className="font-mono text-xs">{session.tokenId}</span> : dash}
      </Term>
      <Term label="Gateway">{session.gatewayInstance}</Term>
      <Term label="Status">
        <SessionStatus isLive={isLive} endReason={session.endReason} />
        {session.endedAt ? (
          <div className="text-xs text-slate-500">
            <DateTime value={session.endedAt} />
          </div>
        ) : null}
      </Term>
    </dl>
  );
}
