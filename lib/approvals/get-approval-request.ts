import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { approvalDecisions, approvalRequests, type ApprovalDecisionRow, type ApprovalRequestRow } from '../db/schema';
import { AppError } from '../errors';
import { isUuid } from '../ids';
import type { Actor } from '../auth/actor';
import { canSeeAllApprovals } from './approval-visibility';

export type ApprovalRequestWithDecisions = ApprovalRequestRow & { decisions: ApprovalDecisionRow[] };

/** One request with the decisions made on it; others' requests are NOT_FOUND to those who may not see them. */
export async function getApprovalRequest(db: Db, options: { actor: Actor; id: string }): Promise<ApprovalRequestWithDecisions> {
  const { actor, id } = options;
  const notFound = new AppError('NOT_FOUND', `No approval request with id ${id}`);
  if (!isUuid(id)) throw notFound;
  const [request] = await db.select().from(approvalRequests).where(eq(approvalRequests.id, id));
  if (!request || (!canSeeAllApprovals(actor) && (!actor.id || request.requesterId !== actor.id))) throw notFound;
  const decisions = await db
    .select()
    .from(approvalDecisions)
    .where(eq(approvalDecisions.requestId, id))
    .orderBy(asc(approvalDecisions.createdAt));
  return { ...request, decisions };
}
