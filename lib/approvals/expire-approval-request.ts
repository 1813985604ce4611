import { and, eq, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { approvalRequests, type ApprovalRequestRow } from '../db/schema';

/**
 * pending -> expired, only once the deadline has passed by the database clock. Null when the request
 * was decided, withdrawn or aborted first, or is not due yet: whoever changed it first won.
 */
export async function expireApprovalRequest(db: Db, id: string): Promise<ApprovalRequestRow | null> {
  const [row] = await db
    .update(approvalRequests)
    .set({ status: 'expired', decidedAt: sql`now()` })
    .where(and(eq(approvalRequests.id, id), eq(approvalRequests.status, 'pending'), lte(approvalRequests.expiresAt, sql`now()`)))
    .returning();
  return row ?? null;
}
