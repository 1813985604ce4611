import { apiRoute, readJson } from '@/app/_server/api';
import { getDb } from '@/lib/db/client';
import { parseInput } from '@/lib/validation';
import { terminateSessionSchema } from '@/lib/sessions/session-schemas';
import { terminateSession } from '@/lib/sessions/terminate-session';

/** POST /api/v1/sessions/:id/terminate {"reason"?}: admins end a live session; 409 once it has ended. */
export const POST = apiRoute(['admin'], async (req, { actor, params }) => {
  const body = (await req.clone().text()).trim() ? await readJson(req) : {};
  const { reason } = parseInput(terminateSessionSchema, body);
  const { announced } = await terminateSession(getDb(), { actor, sessionId: params.id!, reason: reason ?? undefined });
  return { terminated: true, announced };
});
