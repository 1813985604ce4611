import { apiRoute } from '@/app/_server/api';
import { getDb } from '@/lib/db/client';
import { AUDIT_READER_ROLES, searchAudit } from '@/lib/audit/search-audit';

/** GET /api/v1/audit?q=&kind=&actor=&target=&action=&decision=&statementKind=&table=&from=&to=&cursor=&limit= */
export const GET = apiRoute(AUDIT_READER_ROLES, async (req, { actor }) => {
  const { limit, ...filter } = Object.fromEntries(new URL(req.url).searchParams);
  return searchAudit(getDb(), { actor, filter, limit });
});
