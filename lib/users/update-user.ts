import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { users } from '../db/schema';
import { AppError } from '../errors';
import { assertRole, type Actor } from '../auth/actor';
import { parseInput } from '../validation';
import { updateUserSchema, type UpdateUserInput } from './user-schemas';
import { getUserById } from './get-user';
import { toPublicUser, type PublicUser } from './public-user';
import { appendAuditEvent } from '../audit/append-audit-event';
import { fieldChanges } from '../audit/audit-details';

/**
 * Changes a user's role or disables/enables them. An admin cannot demote or disable themselves,
 * and the last enabled admin cannot be demoted or disabled, so the portal never locks itself out.
 */
export async function updateUser(
  db: Db,
  options: { actor: Actor; userId: string; input: UpdateUserInput },
): Promise<PublicUser> {
  assertRole(options.actor, ['admin']);
  const input = parseInput(updateUserSchema, options.input);
  const current = await getUserById(db, options.userId);
  const losesAdmin = current.role === 'admin' && ((input.role && input.role !== 'admin') || input.disabled === true);
  if (losesAdmin && options.actor.id === current.id) {
    throw new AppError('CONFLICT', 'You cannot demote or disable yourself; ask another admin');
  }
  return db.transaction(async (tx) => {
    if (losesAdmin) {
      await tx.execute(sql`lock table ${users} in share row exclusive mode`);
      const others = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.role, 'admin'), isNull(users.disabledAt), ne(users.id, current.id)));
      if (others.length === 0) throw new AppError('CONFLICT', 'This is the last enabled admin; make another admin first');
    }
    const [before] = await tx.select().from(users).where(eq(users.id, current.id)).for('update');
    const [row] = await tx
      .update(users)
      .set({
        ...(input.role ? { role: input.role } : {}),
        ...(input.disabled === undefined ? {} : { disabledAt: input.disabled ? new Date() : null }),
        updatedAt: new Date(),
      })
      .where(eq(users.id, current.id))
      .returning();
    const view = (u: typeof current) => ({ role: u.role, disabled: u.disabledAt !== null });
    const changes = fieldChanges(view(before ?? current), view(row!), ['role', 'disabled']);
    await appendAuditEvent(tx, {
      actor: options.actor,
      action: 'user.updated',
      subjectType: 'user',
      subjectId: row!.id,
      summary: `${options.actor.email} ${describeChanges(row!.email, changes)}`,
      details: { email: row!.email, changes },
    });
    return toPublicUser(row!);
  });
}

function describeChanges(email: string, changes: ReturnType<typeof fieldChanges>): string {
  const parts: string[] = [];
  if (changes.role) parts.push(`changed the role of ${email} from ${String(changes.role.before)} to ${String(changes.role.after)}`);
  if (changes.disabled) parts.push(`${changes.disabled.after ? 'disabled' : 'enabled'} ${email}`);
  return parts.length ? parts.join(' and ') : `saved ${email} unchanged`;
}
