import type { ApprovalStatus } from '../db/schema';
import { approvalsChannel } from '../jobs/approval-jobs';
import { publishMessage } from '../jobs/publish-message';

export type ApprovalDecisionMessage = { id: string; status: ApprovalStatus };

/**
 * Tells waiting gateways at once that a request was decided. Best effort by design: the row is the
 * truth and gateways also poll it, so a Redis outage costs them a second, never the decision.
 */
export async function publishApprovalDecision(message: ApprovalDecisionMessage, options: { url?: string; prefix?: string } = {}): Promise<boolean> {
  const payload: ApprovalDecisionMessage = { id: message.id, status: message.status };
  return publishMessage(approvalsChannel, payload, options);
}
