import { apiRoute } from '@/app/_server/api';
import { getDb } from '@/lib/db/client';
import { AUDIT_READER_ROLES } from '@/lib/audit/search-audit';
import { exportAudit } from '@/lib/audit/export-audit';

/** GET /api/v1/audit/export?format=csv|jsonl plus the search filters: a streamed download of every match. */
export const GET = apiRoute(AUDIT_READER_ROLES, async (req, { actor }) => {
  const { format, ...filter } = Object.fromEntries(new URL(req.url).searchParams);
  const file = await exportAudit(getDb(), { actor, filter, format });
  return new Response(file.body, {
    headers: {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename="${file.filename}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
});
