import Link from 'next/link';
import type { AuditResult } from '@/lib/audit/search-audit';
import type { AuditEventResult } from '@/lib/audit/audit-event-query';
import type { AuditStatementResult } from '@/lib/audit/audit-statement-query';
import { Badge } from '@/components/ui/badge';
import { DateTime } from '@/components/ui/date-time';
import { Table, TableBody, TableCell, TableEmpty, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { describeDelegation } from '@/lib/auth/oidc/delegation-chain';
import { AuditDecisionBadge } from './audit-decision-badge';

const NONE = <span className="text-slate-400">—</span>;
const LINK = 'underline-offset-2 hover:underline';
const COLUMNS = ['Time', 'Who', 'What', 'Target', 'Decision', 'Approved by', 'Session', 'Summary'] as const;

/** Statements and audit events in one newest-first list; each row says what it is. */
export function AuditResultsTable({ results }: { results: readonly AuditResult[] }) {
  return (
    <Table data-testid="audit-results">
      <TableHeader>
        <tr>
          {COLUMNS.map((c) => (
            <TableHead key={c}>{c}</TableHead>
          ))}
        </tr>
      </TableHeader>
      <TableBody>
        {results.length === 0 ? <TableEmpty colSpan={COLUMNS.length}>Nothing in the audit log matches.</TableEmpty> : null}
        {results.map((r) => (r.type === 'statement' ? <StatementRow key={r.id} r={r} /> : <EventRow key={r.id} r={r} />))}
      </TableBody>
    </Table>
  );
}

function StatementRow({ r }: { r: AuditStatementResult }) {
  const actingFor = describeDelegation(r.actingFor);
  return (
    <TableRow data-testid="audit-row" data-type="statement" data-id={r.id} className="align-top">
      <TableCell>
        <DateTime value={r.at} />
      </TableCell>
      <TableCell>
        {r.userEmail ?? NONE}
        {actingFor ? (
          <div className="text-xs text-slate-500" data-testid="audit-acting-for">
            acting for {actingFor}
          </div>
        ) : null}
      </TableCell>
      <TableCell className="max-w-80">
        <code className="line-clamp-3 whitespace-pre-wrap break-words font-mono text-xs text-slate-800" title={r.text}>
          {r.text}
        </code>
      </TableCell>
      <TableCell className="font-mono text-xs">{r.targetName ?? NONE}</TableCell>
      <TableCell>
        <AuditDecisionBadge decision={r.decision} />
      </TableCell>
      <TableCell>
        <ApprovedBy approval={r.approval} />
      </TableCell>
      <TableCell>
        <Link href={`/sessions/${r.sessionId}`} className={`${LINK} font-mono text-xs`} title={r.sessionId}>
          {r.sessionId.slice(0, 8)}…
        </Link>
      </TableCell>
      <TableCell className="max-w-72 text-xs">
        {r.summary}
        <Outcome outcome={r.outcome} />
      </TableCell>
    </TableRow>
  );
}

function ApprovedBy({ approval }: { approval: AuditStatementResult['approval'] }) {
  if (!approval) return NONE;
  if (approval.decisions.length === 0) {
    return (
      <Link href={`/approvals/${approval.id}`} className={LINK}>
        {approval.status ?? 'request'}
      </Link>
    );
  }
  return (
    <ul className="space-y-0.5">
      {approval.decisions.map((d) => (
        <li key={`${d.email}-${d.at}`}>
          <Link href={`/approvals/${approval.id}`} className={LINK} title={d.reason ?? undefined}>
            {d.email}
          </Link>
          {d.decision === 'deny' ? <span className="text-xs text-red-700"> (denied)</span> : null}
        </li>
      ))}
    </ul>
  );
}

function Outcome({ outcome }: { outcome: AuditStatementResult['outcome'] }) {
  if (!outcome) return null;
  const text = outcome.errorMessage ? `error ${outcome.sqlstate ?? ''}: ${outcome.errorMessage}` : (outcome.commandTag ?? 'done');
  return (
    <div className={outcome.errorMessage ? 'text-red-700' : 'text-slate-500'}>
      {text}
      {outcome.masked ? ' · masked' : ''}
    </div>
  );
}

function EventRow({ r }: { r: AuditEventResult }) {
  return (
    <TableRow data-testid="audit-row" data-type="event" data-id={r.id} className="align-top">
      <TableCell>
        <DateTime value={r.at} />
      </TableCell>
      <TableCell>
        {r.actorEmail}
        {r.actorAddress ? <div className="text-xs text-slate-500">{r.actorAddress}</div> : null}
      </TableCell>
      <TableCell>
        <Badge variant="info">{r.action}</Badge>
      </TableCell>
      <TableCell className="font-mono text-xs">{r.targetName ?? NONE}</TableCell>
      <TableCell>{NONE}</TableCell>
      <TableCell>{NONE}</TableCell>
      <TableCell>
        {r.subjectType === 'session' && r.subjectId ? (
          <Link href={`/sessions/${r.subjectId}`} className={`${LINK} font-mono text-xs`} title={r.subjectId}>
            {r.subjectId.slice(0, 8)}…
          </Link>
        ) : (
          NONE
        )}
      </TableCell>
      <TableCell className="max-w-72 text-xs">
        {r.subjectType === 'approval' && r.subjectId ? (
          <Link href={`/approvals/${r.subjectId}`} className={LINK}>
            {r.summary}
          </Link>
        ) : (
          r.summary
        )}
      </TableCell>
    </TableRow>
  );
}
