import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { approvalRequests } from '../db/schema';

/**
 * A restarted gateway instance no longer holds the statements it held before: every request of that
 * instance still pending becomes aborted, so nobody approves a statement that can no longer run.
 */
export async function abortApprovalRequests(db: Db, gatewayInstance: string): Promise<number> {
  const rows = await db
    .update(approvalRequests)
    .set({ status: 'aborted', decidedAt: sql`now()`, decisionReason: `Gateway ${gatewayInstance} restarted while holding the statement` })
    .where(and(eq(approvalRequests.gatewayInstance, gatewayInstance), eq(approvalRequests.status, 'pending')))
    .returning({ id: approvalRequests.id });
  return rows.length;
}
