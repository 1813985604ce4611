import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { approvalRequests, type ApprovalRequestRow } from '../db/schema';

/** pending -> withdrawn, when the client cancels or disconnects; null if it was no longer pending. */
export async function withdrawApprovalRequest(db: Db, id: string, reason: string): Promise<ApprovalRequestRow | null> {
  const [row] = await db
    .update(approvalRequests)
    .set({ status: 'withdrawn', decidedAt: sql`now()`, decisionReason: reason })
    .where(and(eq(approvalRequests.id, id), eq(approvalRequests.status, 'pending')))
    .returning();
  return row ?? null;
}
