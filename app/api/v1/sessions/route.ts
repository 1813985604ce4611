import { apiRoute } from '@/app/_server/api';
import { getDb } from '@/lib/db/client';
import { listSessions } from '@/lib/sessions/list-sessions';

/** GET /api/v1/sessions?user=&token=&target=&from=&to=&status=&endReason=&q=&cursor=&limit=&offset= */
export const GET = apiRoute('any', async (req, { actor }) => {
  const filter = Object.fromEntries(new URL(req.url).searchParams);
  return listSessions(getDb(), { actor, filter });
});
