import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { targets } from '../db/schema';
import { assertRole, type Actor } from '../auth/actor';
import { AppError } from '../errors';
import { getTargetRow } from './get-target';
import { auditedTargetFields } from './create-target';
import { appendAuditEvent } from '../audit/append-audit-event';

export async function deleteTarget(db: Db, options: { actor: Actor; idOrName: string }): Promise<{ id: string; name: string }> {
  assertRole(options.actor, ['admin']);
  const current = await getTargetRow(db, options.idOrName);
  await db.transaction(async (tx) => {
    const [deleted] = await tx.delete(targets).where(eq(targets.id, current.id)).returning();
    if (!deleted) throw new AppError('NOT_FOUND', `No target named or with id "${options.idOrName}"`);
    await appendAuditEvent(tx, {
      actor: options.actor,
      action: 'target.deleted',
      subjectType: 'target',
      subjectId: deleted.id,
      summary: `${options.actor.email} deleted target ${deleted.name}`,
      details: { targetName: deleted.name, ...auditedTargetFields(deleted) },
    });
  });
  return { id: current.id, name: current.name };
}
