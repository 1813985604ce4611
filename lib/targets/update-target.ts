import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { targets } from '../db/schema';
import { assertRole, type Actor } from '../auth/actor';
import { parseInput } from '../validation';
import { isUniqueViolation } from '../db/pg-errors';
import { updateTargetSchema, type UpdateTargetInput } from './target-schemas';
import { findTargetDanger } from './check-target-safety';
import { sealTargetPassword } from './target-secret';
import { toPublicTarget, type PublicTarget } from './public-target';
import { getTargetRow } from './get-target';
import { AUDITED_TARGET_FIELDS, auditedTargetFields, dangerError, nameConflict } from './create-target';
import { appendAuditEvent } from '../audit/append-audit-event';
import { fieldChanges } from '../audit/audit-details';

export async function updateTarget(
  db: Db,
  options: { actor: Actor; idOrName: string; input: UpdateTargetInput },
): Promise<PublicTarget> {
  assertRole(options.actor, ['admin']);
  const input = parseInput(updateTargetSchema, options.input);
  const current = await getTargetRow(db, options.idOrName);
  const next = { ...current, ...stripUndefined(input) };
  const danger = findTargetDanger(next);
  if (danger) throw dangerError(danger);
  const { password, ...fields } = input;
  try {
    const row = await db.transaction(async (tx) => {
      const [before] = await tx.select().from(targets).where(eq(targets.id, current.id)).for('update');
      const [updated] = await tx
        .update(targets)
        .set({
          ...stripUndefined(fields),
          ...(password ? { passwordCiphertext: sealTargetPassword(current.id, password) } : {}),
          updatedAt: new Date(),
        })
        .where(eq(targets.id, current.id))
        .returning();
      const changes = fieldChanges(auditedTargetFields(before ?? current), auditedTargetFields(updated!), AUDITED_TARGET_FIELDS);
      const changed = [...Object.keys(changes), ...(password ? ['password'] : [])];
      await appendAuditEvent(tx, {
        actor: options.actor,
        action: 'target.updated',
        subjectType: 'target',
        subjectId: current.id,
        summary: `${options.actor.email} changed target ${updated!.name}: ${changed.length ? changed.join(', ') : 'nothing'}`,
        details: { targetName: updated!.name, changes, passwordChanged: Boolean(password) },
      });
      return updated!;
    });
    return toPublicTarget(row);
  } catch (e) {
    if (isUniqueViolation(e) && input.name) throw nameConflict(input.name);
    throw e;
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
