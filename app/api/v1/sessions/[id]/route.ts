import { apiRoute } from '@/app/_server/api';
import { getDb } from '@/lib/db/client';
import { parseInput } from '@/lib/validation';
import { getSessionReplay } from '@/lib/sessions/get-session-replay';
import { replayWindowSchema } from '@/lib/sessions/session-schemas';

/** GET /api/v1/sessions/:id?after=&limit= : the session, a window of its statements, its lifecycle events. */
export const GET = apiRoute('any', async (req, { actor, params }) => {
  const { after, limit } = parseInput(replayWindowSchema, Object.fromEntries(new URL(req.url).searchParams));
  return getSessionReplay(getDb(), { actor, id: params.id!, afterSeq: after, limit });
});
