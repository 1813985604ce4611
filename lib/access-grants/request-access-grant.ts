import type { Db } from '../db/client';
import { accessGrants, type AccessGrantRow } from '../db/schema';
import { AppError } from '../errors';
import type { Actor } from '../auth/actor';
import { parseInput } from '../validation';
import { getTargetRow } from '../targets/get-target';
import { appendAuditEvent } from '../audit/append-audit-event';
import { requestAccessGrantSchema, type RequestAccessGrantInput } from './access-grant-schemas';

/** A signed-in person asks for a role on one target for a while; an approver decides later. */
export async function requestAccessGrant(db: Db, options: { actor: Actor; input: RequestAccessGrantInput }): Promise<AccessGrantRow> {
  const { actor } = options;
  if (!actor.id || actor.kind !== 'human') {
    throw new AppError('FORBIDDEN', 'Access is requested by a person, signed in or with their own token');
  }
  const input = parseInput(requestAccessGrantSchema, options.input);
  if (input.role === actor.role) {
    throw new AppError('INVALID_INPUT', `You already have the ${actor.role} role`, { fieldErrors: { role: [`You already have the ${actor.role} role`] } });
  }
  const target = await getTargetRow(db, input.target).catch((e: unknown) => {
    if (e instanceof AppError && e.code === 'NOT_FOUND') {
      throw new AppError('NOT_FOUND', e.message, { fieldErrors: { target: [`Unknown: ${input.target}`] } });
    }
    throw e;
  });
  const userId = actor.id;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(accessGrants)
      .values({
        userId,
        userEmail: actor.email,
        targetId: target.id,
        targetName: target.name,
        role: input.role,
        reason: input.reason,
        durationSeconds: input.durationMinutes * 60,
      })
      .returning();
    await appendAuditEvent(tx, {
      actor,
      action: 'access_grant.requested',
      subjectType: 'access_grant',
      subjectId: row!.id,
      summary: `${actor.email} asked for the ${row!.role} role on ${row!.targetName} for ${input.durationMinutes} minutes`,
      details: { grantId: row!.id, targetName: row!.targetName, role: row!.role, durationMinutes: input.durationMinutes, reason: row!.reason },
    });
    return row!;
  });
}
