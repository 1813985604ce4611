import { and, asc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { approvalRequests, type ApprovalRequestRow } from '../db/schema';

/**
 * For "don't wait" rules: the client was told to run the statement again once approved. This marks
 * one approved, unconsumed, unexpired request with the same binding as used and returns it, so the
 * statement runs once without a new hold. SKIP LOCKED lets two concurrent retries take different
 * approvals (or one of them none) instead of both taking the same one.
 */
export async function consumeApproval(db: Db, bindingHash: string): Promise<ApprovalRequestRow | null> {
  const candidate = db
    .select({ id: approvalRequests.id })
    .from(approvalRequests)
    .where(
      and(
        eq(approvalRequests.bindingHash, bindingHash),
        eq(approvalRequests.status, 'approved'),
        eq(approvalRequests.waitMode, 'dont_wait'),
        isNull(approvalRequests.consumedAt),
        gt(approvalRequests.expiresAt, sql`now()`),
      ),
    )
    .orderBy(asc(approvalRequests.createdAt))
    .limit(1)
    .for('update', { skipLocked: true });
  const [row] = await db
    .update(approvalRequests)
    .set({ consumedAt: sql`now()` })
    .where(and(inArray(approvalRequests.id, candidate), isNull(approvalRequests.consumedAt)))
    .returning();
  return row ?? null;
}
