import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { accessGrants, type AccessGrantRow } from '../db/schema';
import { AppError } from '../errors';
import type { Actor } from '../auth/actor';
import { parseInput } from '../validation';
import { decideAccessGrantSchema, type AccessGrantDecision } from './access-grant-schemas';
import { getAccessGrantRow } from './get-access-grant';
import { appendAuditEvent } from '../audit/append-audit-event';
import { canDecideAccessGrants, GRANT_DECIDER_ROLES } from './grant-visibility';

/**
 * Approves or denies a pending grant. The checks read the row; the change itself is one conditional
 * UPDATE from 'pending', so of two concurrent decisions exactly one returns a row and the other gets
 * CONFLICT. An approval opens the window on the database clock: now() .. now() + duration.
 */
export async function decideAccessGrant(
  db: Db,
  options: { actor: Actor; grantId: string; decision: AccessGrantDecision; reason?: string | null },
): Promise<AccessGrantRow> {
  const { actor, grantId } = options;
  if (!canDecideAccessGrants(actor)) {
    throw new AppError('FORBIDDEN', `Access grants are decided by the ${GRANT_DECIDER_ROLES.join(' or ')} role; you are ${actor.role}`);
  }
  if (!actor.id) throw new AppError('FORBIDDEN', 'Access grants are decided by a person, signed in or with their own token');
  const current = await getAccessGrantRow(db, grantId);
  if (current.userId === actor.id) throw new AppError('FORBIDDEN', 'You cannot decide your own access request');
  const { decision, reason } = parseInput(decideAccessGrantSchema, { decision: options.decision, reason: options.reason });
  if (current.status !== 'pending') throw new AppError('CONFLICT', alreadyDecided(current));

  const isApproval = decision === 'approve';
  return db.transaction(async (tx) => {
    const [decided] = await tx
      .update(accessGrants)
      .set({
        status: isApproval ? 'approved' : 'denied',
        decidedAt: sql`now()`,
        decidedByEmail: actor.email,
        decisionReason: reason ?? null,
        ...(isApproval ? { startsAt: sql`now()`, endsAt: sql`now() + make_interval(secs => ${accessGrants.durationSeconds})` } : {}),
      })
      .where(and(eq(accessGrants.id, grantId), eq(accessGrants.status, 'pending')))
      .returning();
    if (!decided) throw new AppError('CONFLICT', 'This request was decided meanwhile; reload it');
    await appendAuditEvent(tx, {
      actor,
      action: 'access_grant.decided',
      subjectType: 'access_grant',
      subjectId: decided.id,
      summary: `${actor.email} ${isApproval ? 'approved' : 'denied'} the ${decided.role} role on ${decided.targetName} for ${decided.userEmail}`,
      details: {
        grantId: decided.id,
        decision,
        reason: reason ?? null,
        userEmail: decided.userEmail,
        targetName: decided.targetName,
        role: decided.role,
        startsAt: decided.startsAt?.toISOString() ?? null,
        endsAt: decided.endsAt?.toISOString() ?? null,
      },
    });
    return decided;
  });
}

function alreadyDecided(grant: AccessGrantRow): string {
  return `This request was already ${grant.status} by ${grant.decidedByEmail ?? 'an approver'}`;
}
