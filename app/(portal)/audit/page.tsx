import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getSessionActor } from '@/app/_server/auth';
import { getDb } from '@/lib/db/client';
import { hasRole } from '@/lib/auth/actor';
import { isAppError, type AppError } from '@/lib/errors';
import { AUDIT_FILTER_KEYS } from '@/lib/audit/audit-filter';
import { AUDIT_READER_ROLES, searchAudit, type AuditPage } from '@/lib/audit/search-audit';
import { AuditorsOnly } from '@/components/audit/auditors-only';
import { AuditExportLinks } from '@/components/audit/audit-export-links';
import { AuditFilters } from '@/components/audit/audit-filters';
import { auditQueryString, withoutCursor, type AuditQuery } from '@/components/audit/audit-query';
import { AuditResultsTable } from '@/components/audit/audit-results-table';
import { Alert } from '@/components/ui/alert';
import { buttonClass } from '@/components/ui/button';

export const dynamic = 'force-dynamic';

const PAGE_SIZE = 50;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Only the filter's own fields, first value each: anything else in the URL is not a filter. */
function filterQuery(params: Awaited<SearchParams>): AuditQuery {
  const query: AuditQuery = {};
  for (const key of AUDIT_FILTER_KEYS) {
    const value = params[key];
    const first = Array.isArray(value) ? value[0] : value;
    if (first) query[key] = first;
  }
  return query;
}

export default async function AuditLogPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await getSessionActor();
  if (!actor) redirect('/signin');
  if (!hasRole(actor, AUDIT_READER_ROLES)) return <AuditorsOnly role={actor.role} />;
  const query = filterQuery(await searchParams);
  let page: AuditPage | null = null;
  let invalid: AppError | null = null;
  try {
    page = await searchAudit(getDb(), { actor, filter: query, limit: PAGE_SIZE });
  } catch (e) {
    if (!isAppError(e) || e.code !== 'INVALID_INPUT') throw e;
    invalid = e;
  }

  return (
    <>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-xl font-semibold">Audit log</h1>
          <p className="text-sm text-slate-500">Every statement through the gateway and every action in the portal, newest first. Times are UTC.</p>
        </div>
        <AuditExportLinks query={query} />
      </div>
      <AuditFilters query={withoutCursor(query)} fieldErrors={invalid?.fieldErrors} />
      {invalid ? <Alert variant="error">{invalid.message}</Alert> : null}
      {page ? (
        <>
          <AuditResultsTable results={page.results} />
          <nav aria-label="Pages" className="flex gap-2">
            {query.cursor ? (
              <Link href={`/audit${auditQueryString(withoutCursor(query))}`} className={buttonClass({ variant: 'secondary', size: 'sm' })}>
                Newest
              </Link>
            ) : null}
            {page.nextCursor ? (
              <Link href={`/audit${auditQueryString(query, { cursor: page.nextCursor })}`} className={buttonClass({ variant: 'secondary', size: 'sm' })}>
                Older
              </Link>
            ) : null}
          </nav>
        </>
      ) : null}
    </>
  );
}
