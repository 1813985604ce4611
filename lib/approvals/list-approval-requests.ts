import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { approvalRequests, type ApprovalRequestRow } from '../db/schema';
import type { Actor } from '../auth/actor';
import { parseInput } from '../validation';
import { listApprovalRequestsSchema, type ListApprovalRequestsInput } from './approval-schemas';
import { canSeeAllApprovals } from './approval-visibility';

/** Newest first; approvers and admins see all requests, others only their own. */
export async function listApprovalRequests(
  db: Db,
  options: { actor: Actor } & ListApprovalRequestsInput,
): Promise<ApprovalRequestRow[]> {
  const { actor, ...input } = options;
  const { status, targetName, limit } = parseInput(listApprovalRequestsSchema, input);
  const filters: SQL[] = [];
  if (!canSeeAllApprovals(actor)) {
    if (!actor.id) return [];
    filters.push(eq(approvalRequests.requesterId, actor.id));
  }
  if (status) filters.push(eq(approvalRequests.status, status));
  if (targetName) filters.push(eq(approvalRequests.targetName, targetName));
  return db
    .select()
    .from(approvalRequests)
    .where(and(...filters))
    .orderBy(desc(approvalRequests.createdAt), desc(approvalRequests.id))
    .limit(limit);
}
