import { and, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { accessGrants, type AccessGrantRow } from '../db/schema';
import { AppError } from '../errors';
import type { Actor } from '../auth/actor';
import { getAccessGrantRow } from './get-access-grant';
import { appendAuditEvent } from '../audit/append-audit-event';
import { canRevokeAccessGrant } from './grant-visibility';

/** Ends a running grant now. Admins may revoke any grant; an approver only the ones they approved. */
export async function revokeAccessGrant(db: Db, options: { actor: Actor; grantId: string }): Promise<AccessGrantRow> {
  const { actor, grantId } = options;
  const current = await getAccessGrantRow(db, grantId);
  if (!canRevokeAccessGrant(actor, current)) {
    throw new AppError('FORBIDDEN', 'Only an admin or the approver who approved this grant may revoke it');
  }
  return db.transaction(async (tx) => {
    const [revoked] = await tx
      .update(accessGrants)
      .set({ status: 'revoked', endsAt: sql`now()` })
      .where(and(eq(accessGrants.id, grantId), eq(accessGrants.status, 'approved'), gt(accessGrants.endsAt, sql`now()`)))
      .returning();
    if (!revoked) throw new AppError('CONFLICT', `This grant is not running (it is ${current.status}${current.status === 'approved' ? ' and has ended' : ''})`);
    await appendAuditEvent(tx, {
      actor,
      action: 'access_grant.revoked',
      subjectType: 'access_grant',
      subjectId: revoked.id,
      summary: `${actor.email} revoked the ${revoked.role} role on ${revoked.targetName} of ${revoked.userEmail}`,
      details: {
        grantId: revoked.id,
        userEmail: revoked.userEmail,
        targetName: revoked.targetName,
        role: revoked.role,
        endedAt: revoked.endsAt?.toISOString() ?? null,
        scheduledEnd: current.endsAt?.toISOString() ?? null,
      },
    });
    return revoked;
  });
}
