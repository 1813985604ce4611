import Link from 'next/link';
import { Badge, type BadgeVariant } from '@/components/ui/badge';
import { DateTime } from '@/components/ui/date-time';
import { ParamsList } from '@/components/approvals/params-list';
import { SqlHighlight } from '@/components/approvals/sql-highlight';
import type { ApprovalEvent, OutcomeEvent } from '@/lib/sessions/recording-format';
import type { PlayerItem } from './player-model';
import { formatOffset } from './player-model';
import { ResultRows } from './result-rows';

const DECISIONS: Record<string, { label: string; variant: BadgeVariant }> = {
  allow: { label: 'allowed', variant: 'success' },
  block: { label: 'blocked', variant: 'danger' },
  require_approval: { label: 'held for approval', variant: 'warning' },
};

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="space-y-1.5">
      <h3 className="text-xs font-medium uppercase text-slate-500">{title}</h3>
      {children}
    </section>
  );
}

/** Everything about the current statement: the SQL, its bind values, the decision, the approval, the answer. */
export function StatementDetail({ item }: { item: PlayerItem }) {
  const { statement, approval, outcome } = item;
  const decision = DECISIONS[statement.decision] ?? { label: statement.decision, variant: 'neutral' as const };
  return (
    <div className="space-y-4" data-testid="statement-detail">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="font-medium">Statement {statement.seq}</span>
        <span className="text-slate-500">at +{formatOffset(statement.t)}</span>
        <Badge variant={decision.variant} data-testid="statement-decision">
          {decision.label}
        </Badge>
        {statement.rule?.name ? <span className="text-slate-600">by rule “{statement.rule.name}”</span> : null}
      </div>
      {statement.message ? <p className="text-sm text-slate-700">{statement.message}</p> : null}
      <SqlHighlight sql={statement.text} />
      {statement.params?.length ? (
        <Section title="Bind values">
          <ParamsList params={statement.params} />
        </Section>
      ) : null}
      {approval ? <ApprovalSection approval={approval} /> : null}
      <Section title="Outcome">{outcome ? <OutcomeSection outcome={outcome} /> : <p className="text-sm text-slate-500">No outcome was recorded: it did not run or had not finished.</p>}</Section>
    </div>
  );
}

function ApprovalSection({ approval }: { approval: ApprovalEvent }) {
  return (
    <Section title="Approval">
      <div className="space-y-1.5 text-sm" data-testid="statement-approval">
        <p className="flex flex-wrap items-center gap-2">
          <Badge variant={approval.status === 'approved' ? 'success' : approval.status === 'pending' ? 'warning' : 'danger'}>{approval.status}</Badge>
          <span className="text-slate-600">requested by {approval.requesterEmail}</span>
          <Link href={`/approvals/${approval.approvalId}`} className="text-sky-700 underline-offset-2 hover:underline">
            Approval request
          </Link>
        </p>
        {approval.decisions.length ? (
          <ul className="space-y-1">
            {approval.decisions.map((d) => (
              <li key={`${d.approverEmail}-${d.at}`} className="flex flex-wrap items-baseline gap-x-2">
                <span className={d.decision === 'approve' ? 'text-emerald-700' : 'text-red-700'}>{d.decision === 'approve' ? 'Approved' : 'Denied'}</span>
                <span>by</span>
                <span className="font-medium" data-testid="approver">
                  {d.approverEmail}
                </span>
                <span className="text-slate-500">
                  <DateTime value={d.at} />
                </span>
                {d.reason ? <span className="w-full text-slate-700">“{d.reason}”</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-slate-500">No one decided.</p>
        )}
      </div>
    </Section>
  );
}

function OutcomeSection({ outcome }: { outcome: OutcomeEvent }) {
  return (
    <div className="space-y-3">
      <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm" data-testid="statement-outcome">
        <div className="flex gap-1.5">
          <dt className="text-slate-500">Tag</dt>
          <dd className="font-mono">{outcome.tag ?? '—'}</dd>
        </div>
        <div className="flex gap-1.5">
          <dt className="text-slate-500">Rows</dt>
          <dd>{outcome.rowCount ?? '—'}</dd>
        </div>
        <div className="flex gap-1.5">
          <dt className="text-slate-500">Duration</dt>
          <dd>{outcome.durationMs != null ? `${outcome.durationMs.toFixed(1)} ms` : '—'}</dd>
        </div>
      </dl>
      {outcome.error ? (
        <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="statement-error">
          {outcome.error.sqlstate ? <span className="font-mono">{outcome.error.sqlstate} </span> : null}
          {outcome.error.message}
        </p>
      ) : null}
      <ResultRows outcome={outcome} />
    </div>
  );
}
