import { apiRoute, readJson } from '@/app/_server/api';
import { getDb } from '@/lib/db/client';
import type { ApprovalDecisionKind } from '@/lib/db/schema';
import { parseInput } from '@/lib/validation';
import { approvalDecisionBodySchema } from '@/lib/approvals/approval-schemas';
import { decideApproval } from '@/lib/approvals/decide-approval';
import { publishApprovalDecision } from '@/lib/approvals/publish-decision';

/** POST .../approve and .../deny: the body ({ "reason": "..." }) is optional for an approval. */
export function decideRoute(decision: ApprovalDecisionKind) {
  return apiRoute(['approver', 'admin'], async (req, { actor, params }) => {
    const body = (await req.clone().text()).trim() ? await readJson(req) : {};
    const { reason } = parseInput(approvalDecisionBodySchema, body);
    const result = await decideApproval(getDb(), { actor, requestId: params.id!, decision, reason });
    if (result.isFinal) await publishApprovalDecision({ id: result.request.id, status: result.request.status });
    return result;
  });
}
