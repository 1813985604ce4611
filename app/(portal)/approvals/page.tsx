import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getSessionActor } from '@/app/_server/auth';
import { getDb } from '@/lib/db/client';
import { hasRole, type Actor } from '@/lib/auth/actor';
import { APPROVAL_STATUSES, type ApprovalStatus } from '@/lib/db/schema/approvals';
import { listApprovalRequests } from '@/lib/approvals/list-approval-requests';
import { ApprovalCard } from '@/components/approvals/approval-card';
import { ApproversOnly } from '@/components/approvals/approvers-only';
import { HistoryFilters } from '@/components/approvals/history-filters';
import { HistoryTable } from '@/components/approvals/history-table';
import { LiveInbox } from '@/components/approvals/live-inbox';
import { cn } from '@/components/ui/cn';
import { approveAction, denyAction } from './actions';

export const dynamic = 'force-dynamic';

const DECIDED = APPROVAL_STATUSES.filter((s) => s !== 'pending');
const STATUS_OPTIONS = [{ value: '', label: 'Any outcome' }, ...DECIDED.map((s) => ({ value: s, label: s }))];

type SearchParams = Promise<{ view?: string; status?: string; target?: string }>;

function isDecided(status: string | undefined): status is Exclude<ApprovalStatus, 'pending'> {
  return DECIDED.some((s) => s === status);
}

export default async function ApprovalsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await getSessionActor();
  if (!actor) redirect('/signin');
  if (!hasRole(actor, ['approver', 'admin'])) return <ApproversOnly role={actor.role} />;
  const { view, status, target } = await searchParams;
  const isHistory = view === 'history';
  const tabs = [
    { href: '/approvals', label: 'Pending', isCurrent: !isHistory },
    { href: '/approvals?view=history', label: 'History', isCurrent: isHistory },
  ];

  return (
    <>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-xl font-semibold">Approvals</h1>
          <p className="text-sm text-slate-500">Statements the gateway is holding until someone decides.</p>
        </div>
        <LiveInbox />
      </div>
      <nav aria-label="Approvals views" className="flex gap-1 border-b border-slate-200 text-sm">
        {tabs.map((tab) => (
          <Link
            key={tab.href}
            href={tab.href}
            aria-current={tab.isCurrent ? 'page' : undefined}
            className={cn(
              '-mb-px border-b-2 px-3 py-2',
              tab.isCurrent ? 'border-slate-900 font-medium text-slate-900' : 'border-transparent text-slate-500 hover:text-slate-900',
            )}
          >
            {tab.label}
          </Link>
        ))}
      </nav>
      {isHistory ? <History actor={actor} status={status} target={target} /> : <Inbox actor={actor} />}
    </>
  );
}

async function Inbox({ actor }: { actor: Actor }) {
  const pending = await listApprovalRequests(getDb(), { actor, status: 'pending' });
  if (pending.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 px-4 py-8 text-center text-sm text-slate-500" data-testid="approvals-empty">
        Nothing is waiting for a decision.
      </p>
    );
  }
  return (
    <div className="space-y-4" data-testid="approvals-pending">
      {pending.map((request) => (
        <ApprovalCard key={request.id} request={request} approveAction={approveAction} denyAction={denyAction} />
      ))}
    </div>
  );
}

async function History({ actor, status, target }: { actor: Actor; status?: string; target?: string }) {
  const targetName = target?.trim() || undefined;
  const rows = await listApprovalRequests(getDb(), { actor, status: isDecided(status) ? status : undefined, targetName });
  return (
    <div className="space-y-4">
      <HistoryFilters statuses={STATUS_OPTIONS} status={isDecided(status) ? status : ''} target={targetName ?? ''} />
      <HistoryTable rows={rows.filter((r) => r.status !== 'pending')} />
    </div>
  );
}
