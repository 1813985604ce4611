import { apiRoute, readJson } from '@/app/_server/api';
import { getDb } from '@/lib/db/client';
import { parseInput } from '@/lib/validation';
import { accessGrantDecisionBodySchema, type AccessGrantDecision } from '@/lib/access-grants/access-grant-schemas';
import { decideAccessGrant } from '@/lib/access-grants/decide-access-grant';
import { GRANT_DECIDER_ROLES } from '@/lib/access-grants/grant-visibility';

/** POST .../approve and .../deny: the body ({ "reason": "..." }) is optional for an approval. */
export function decideRoute(decision: AccessGrantDecision) {
  return apiRoute(GRANT_DECIDER_ROLES, async (req, { actor, params }) => {
    const body = (await req.clone().text()).trim() ? await readJson(req) : {};
    const { reason } = parseInput(accessGrantDecisionBodySchema, body);
    return { grant: await decideAccessGrant(getDb(), { actor, grantId: params.id!, decision, reason }) };
  });
}
