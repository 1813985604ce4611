import type { Db } from '../../lib/db/client';
import type { Actor } from '../../lib/auth/actor';
import { listSessions } from '../../lib/sessions/list-sessions';
import { searchAudit } from '../../lib/audit/search-audit';

export type LatencyCase = { name: string; run: () => Promise<number> };

const DAY = 86_400_000;

/** The page queries people run: each returns how many rows the page showed. */
export async function latencyCases(db: Db, actor: Actor): Promise<LatencyCase[]> {
  const weekAgo = new Date(Date.now() - 7 * DAY).toISOString();
  const first = await listSessions(db, { actor, filter: {} });
  const audit = (filter: Parameters<typeof searchAudit>[1]['filter']) => async () => (await searchAudit(db, { actor, filter, limit: 100 })).results.length;
  const sessions = (filter: Parameters<typeof listSessions>[1]['filter']) => async () => (await listSessions(db, { actor, filter })).sessions.length;
  return [
    { name: 'sessions: newest page', run: sessions({}) },
    { name: 'sessions: second page (cursor)', run: sessions({ cursor: first.nextCursor ?? undefined }) },
    { name: 'sessions: search "delete payments"', run: sessions({ q: 'delete payments' }) },
    { name: 'sessions: search "customers" (1 in 10)', run: sessions({ q: 'customers' }) },
    { name: 'sessions: search a rare literal (1 match)', run: sessions({ q: '4242' }) },
    { name: 'sessions: user e-mail contains', run: sessions({ user: 'bench-user-7@' }) },
    { name: 'sessions: target, last 7 days', run: sessions({ target: 'bench-target-2', from: weekAgo }) },
    { name: 'sessions: search + last 7 days', run: sessions({ q: 'delete payments', from: weekAgo }) },
    { name: 'audit: newest page (100)', run: audit({}) },
    { name: 'audit: "delete payments" last week', run: audit({ q: 'delete payments', from: weekAgo }) },
    { name: 'audit: DELETE on payments, held (structured)', run: audit({ statementKind: 'delete', table: 'payments', decision: 'require_approval' }) },
    { name: 'audit: a rare literal (1 match)', run: audit({ q: '4242' }) },
    { name: 'audit: by user e-mail', run: audit({ actor: 'bench-user-7@example.test' }) },
  ];
}
