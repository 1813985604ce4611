import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getSessionActor } from '@/app/_server/auth';
import { getDb } from '@/lib/db/client';
import { isAppError } from '@/lib/errors';
import { listSessions, type SessionListPage } from '@/lib/sessions/list-sessions';
import { canSeeAllSessions } from '@/lib/sessions/session-visibility';
import { SessionFilters, type SessionFilterValues } from '@/components/sessions/session-filters';
import { SessionTable } from '@/components/sessions/session-table';
import { Alert } from '@/components/ui/alert';
import { buttonClass } from '@/components/ui/button';

export const dynamic = 'force-dynamic';

const FILTER_KEYS = ['q', 'user', 'token', 'target', 'from', 'to', 'status', 'endReason'] as const;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SessionsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await getSessionActor();
  if (!actor) redirect('/signin');
  const params = await searchParams;
  const one = (key: string) => (typeof params[key] === 'string' ? params[key] : undefined);
  const values: SessionFilterValues = Object.fromEntries(FILTER_KEYS.map((k) => [k, one(k)]).filter(([, v]) => v));
  const cursor = one('cursor');
  const seesAll = canSeeAllSessions(actor);

  let page: SessionListPage = { sessions: [], nextCursor: null };
  let problem: string | null = null;
  try {
    page = await listSessions(getDb(), { actor, filter: { ...values, cursor } });
  } catch (e) {
    if (!isAppError(e) || e.code !== 'INVALID_INPUT') throw e;
    problem = e.message;
  }
  const query = (extra: Record<string, string>) => `/sessions?${new URLSearchParams({ ...(values as Record<string, string>), ...extra })}`;

  return (
    <>
      <div>
        <h1 className="text-xl font-semibold">Sessions</h1>
        <p className="text-sm text-slate-500">
          {seesAll ? 'Every connection through the gateway' : 'Your connections through the gateway'}: who ran what, what was blocked, held or masked. Open one to replay it.
        </p>
      </div>
      <SessionFilters values={values} showUser={seesAll} />
      {problem ? <Alert variant="error">{problem}</Alert> : null}
      <SessionTable rows={page.sessions} />
      <nav aria-label="Pages" className="flex justify-between text-sm">
        {cursor ? (
          <Link href={query({})} className={buttonClass({ variant: 'secondary', size: 'sm' })}>
            ← Newest
          </Link>
        ) : (
          <span />
        )}
        {page.nextCursor ? (
          <Link href={query({ cursor: page.nextCursor })} className={buttonClass({ variant: 'secondary', size: 'sm' })} data-testid="sessions-older">
            Older →
          </Link>
        ) : null}
      </nav>
    </>
  );
}
