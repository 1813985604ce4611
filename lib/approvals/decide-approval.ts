import { and, count, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { approvalDecisions, approvalRequests, type ApprovalDecisionKind, type ApprovalRequestRow } from '../db/schema';
import { AppError } from '../errors';
import { isUuid } from '../ids';
import { isUniqueViolation } from '../db/pg-errors';
import type { Actor } from '../auth/actor';
import { parseInput } from '../validation';
import { decideApprovalSchema } from './approval-schemas';
import { appendAuditEvent } from '../audit/append-audit-event';

export type DecideApprovalResult = { request: ApprovalRequestRow; isFinal: boolean };

/**
 * One approver's decision, in one transaction:
 * 1. lock the request row, so decisions on one request are counted one at a time;
 * 2. check the approver (not the requester, a role the request names) and that it is still pending;
 * 3. insert the decision (one per approver);
 * 4. a denial, or the approval that reaches required_approvals, moves the request with a conditional
 *    UPDATE from 'pending' before its deadline. No row back means someone else (or expiry) won: the
 *    transaction rolls back, the decision row with it, and the caller gets CONFLICT;
 * 5. the audit event, in the same transaction: it exists exactly when the decision does.
 */
export async function decideApproval(
  db: Db,
  options: { actor: Actor; requestId: string; decision: ApprovalDecisionKind; reason?: string | null },
): Promise<DecideApprovalResult> {
  const { actor, requestId } = options;
  if (!isUuid(requestId)) throw new AppError('NOT_FOUND', `No approval request with id ${requestId}`);
  return db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ request: approvalRequests, isDue: sql<boolean>`${approvalRequests.expiresAt} <= now()` })
      .from(approvalRequests)
      .where(eq(approvalRequests.id, requestId))
      .for('update');
    if (!locked) throw new AppError('NOT_FOUND', `No approval request with id ${requestId}`);
    const current = locked.request;
    assertMayDecide(actor, current);
    if (current.status !== 'pending' || locked.isDue) throw new AppError('CONFLICT', notPendingMessage(current));
    const { decision, reason } = parseInput(decideApprovalSchema, { decision: options.decision, reason: options.reason });

    try {
      await tx.insert(approvalDecisions).values({ requestId, approverId: actor.id, approverEmail: actor.email, decision, reason });
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppError('CONFLICT', 'You already decided on this request');
      throw e;
    }

    if (decision === 'approve') {
      const [approvals] = await tx
        .select({ n: count() })
        .from(approvalDecisions)
        .where(and(eq(approvalDecisions.requestId, requestId), eq(approvalDecisions.decision, 'approve')));
      const approvalCount = approvals?.n ?? 0;
      if (approvalCount < current.requiredApprovals) {
        await recordDecision(tx, { actor, request: current, decision, reason, isFinal: false, approvalCount });
        return { request: current, isFinal: false };
      }
    }

    const [decided] = await tx
      .update(approvalRequests)
      .set({
        status: decision === 'approve' ? 'approved' : 'denied',
        decidedAt: sql`now()`,
        decidedByEmail: actor.email,
        decisionReason: reason ?? null,
      })
      .where(and(eq(approvalRequests.id, requestId), eq(approvalRequests.status, 'pending'), gt(approvalRequests.expiresAt, sql`now()`)))
      .returning();
    if (!decided) throw new AppError('CONFLICT', 'This request was decided or expired meanwhile; reload it');
    await recordDecision(tx, { actor, request: decided, decision, reason, isFinal: true });
    return { request: decided, isFinal: true };
  });
}

async function recordDecision(
  db: Db,
  options: { actor: Actor; request: ApprovalRequestRow; decision: ApprovalDecisionKind; reason?: string; isFinal: boolean; approvalCount?: number },
): Promise<void> {
  const { actor, request, decision, isFinal } = options;
  const verb = decision === 'approve' ? 'approved' : 'denied';
  const progress = isFinal ? '' : ` (${options.approvalCount} of ${request.requiredApprovals} approvals)`;
  await appendAuditEvent(db, {
    actor,
    action: 'approval.decided',
    subjectType: 'approval',
    subjectId: request.id,
    summary: `${actor.email} ${verb} the statement of ${request.requesterEmail} on ${request.targetName}${progress}`,
    details: {
      requestId: request.id,
      decision,
      reason: options.reason ?? null,
      isFinal,
      status: request.status,
      requiredApprovals: request.requiredApprovals,
      requesterEmail: request.requesterEmail,
      targetName: request.targetName,
      sessionId: request.sessionId,
      ruleId: request.ruleId,
      ruleName: request.ruleName,
    },
  });
}

function assertMayDecide(actor: Actor, request: ApprovalRequestRow): void {
  if (!actor.id) throw new AppError('FORBIDDEN', 'Approvals are decided by a person, signed in or with their own token');
  const isRequester = actor.id === request.requesterId || actor.email.toLowerCase() === request.requesterEmail.toLowerCase();
  if (isRequester) throw new AppError('FORBIDDEN', 'You cannot decide your own request');
  if (!request.approverRoles.includes(actor.role)) {
    throw new AppError('FORBIDDEN', `This request needs an approver with the ${request.approverRoles.join(' or ')} role; you are ${actor.role}`);
  }
}

function notPendingMessage(request: ApprovalRequestRow): string {
  switch (request.status) {
    case 'approved':
      return `This request was already approved by ${request.decidedByEmail ?? 'an approver'}`;
    case 'denied':
      return `This request was already denied by ${request.decidedByEmail ?? 'an approver'}`;
    case 'withdrawn':
      return 'This request was withdrawn: the client cancelled the statement or disconnected';
    case 'aborted':
      return 'This request was aborted: the gateway holding the statement restarted';
    default:
      return `This request expired at ${request.expiresAt.toISOString()} without a decision`;
  }
}
