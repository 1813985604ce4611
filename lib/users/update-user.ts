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
import { isUniqueViolation } from '../db/pg-errors';
import { resolveTargets } from '../tokens/create-access-token';
import { announceRevocation, identityDisabledReason } from '../sessions/announce-revocation';
import { getAuthSettings } from '../settings/auth-settings';

/**
 * Changes a user's role or disables/enables them; for a service identity, also the OIDC subject
 * its JWTs carry and the targets they reach (null: every target). An admin cannot demote or disable themselves,
 * and the last enabled admin cannot be demoted or disabled, nor the break-glass admin while SSO is
 * required, so the portal never locks itself out.
 * Disabling refuses new connections from the commit on; once committed, gateways are told to end
 * the identity's live sessions (or find it on their next re-check if Redis is down).
 */
export async function updateUser(
  db: Db,
  options: { actor: Actor; userId: string; input: UpdateUserInput },
): Promise<PublicUser> {
  assertRole(options.actor, ['admin']);
  const input = parseInput(updateUserSchema, options.input);
  const current = await getUserById(db, options.userId);
  const touchesAgent = input.oidcSubject !== undefined || input.targets !== undefined;
  if (touchesAgent && current.kind !== 'service') {
    throw new AppError('INVALID_INPUT', `${current.email} is a person; only service identities have an OIDC subject and a target scope`);
  }
  const scope = input.targets === undefined ? undefined : await resolveTargets(db, input.targets ?? []);
  const losesAdmin = current.role === 'admin' && ((input.role && input.role !== 'admin') || input.disabled === true);
  if (losesAdmin && options.actor.id === current.id) {
    throw new AppError('CONFLICT', 'You cannot demote or disable yourself; ask another admin');
  }
  if (losesAdmin) {
    const settings = await getAuthSettings(db);
    if (settings.requireSso && settings.breakGlassEmail === current.email) {
      throw new AppError('CONFLICT', `${current.email} is the break-glass admin while single sign-on is required; choose another one on /settings first`);
    }
  }
  const saving = db.transaction(async (tx) => {
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
        ...(input.oidcSubject === undefined ? {} : { oidcSubject: input.oidcSubject }),
        ...(scope === undefined ? {} : { targetIds: scope?.map((t) => t.id) ?? null }),
        updatedAt: new Date(),
      })
      .where(eq(users.id, current.id))
      .returning();
    const view = (u: typeof current) => ({ role: u.role, disabled: u.disabledAt !== null, oidcSubject: u.oidcSubject, targetIds: u.targetIds });
    const changes = fieldChanges(view(before ?? current), view(row!), ['role', 'disabled', 'oidcSubject', 'targetIds']);
    await appendAuditEvent(tx, {
      actor: options.actor,
      action: 'user.updated',
      subjectType: 'user',
      subjectId: row!.id,
      summary: `${options.actor.email} ${describeChanges(row!.email, changes)}`,
      details: { email: row!.email, changes },
    });
    return { row: row!, disabled: changes.disabled?.after === true };
  });
  const { row, disabled } = await saving.catch((e: unknown) => {
    if (isUniqueViolation(e)) {
      throw new AppError('CONFLICT', `Subject "${input.oidcSubject}" already belongs to another service identity`, { fieldErrors: { oidcSubject: ['Already in use'] } });
    }
    throw e;
  });
  if (disabled) await announceRevocation({ userId: row.id }, identityDisabledReason(row, options.actor.email));
  return toPublicUser(row);
}

function describeChanges(email: string, changes: ReturnType<typeof fieldChanges>): string {
  const parts: string[] = [];
  if (changes.role) parts.push(`changed the role of ${email} from ${String(changes.role.before)} to ${String(changes.role.after)}`);
  if (changes.disabled) parts.push(`${changes.disabled.after ? 'disabled' : 'enabled'} ${email}`);
  if (changes.oidcSubject) parts.push(changes.oidcSubject.after ? `set the OIDC subject of ${email} to "${String(changes.oidcSubject.after)}"` : `removed the OIDC subject of ${email}`);
  if (changes.targetIds) parts.push(`changed the target scope of ${email}`);
  return parts.length ? parts.join(' and ') : `saved ${email} unchanged`;
}
