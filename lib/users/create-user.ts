import { randomBytes } from 'node:crypto';
import type { Db } from '../db/client';
import { users } from '../db/schema';
import { AppError } from '../errors';
import { hashPassword } from '../crypto/password';
import { assertRole, type Actor } from '../auth/actor';
import { parseInput } from '../validation';
import { isUniqueViolation } from '../db/pg-errors';
import { appendAuditEvent } from '../audit/append-audit-event';
import { createUserSchema, type CreateUserInput } from './user-schemas';
import { toPublicUser, type PublicUser } from './public-user';
import { resolveTargets } from '../tokens/create-access-token';

/**
 * Admins create people and service identities; there is no public sign-up. A person created without
 * a password gets a generated one, returned once so the admin can hand it over (the invitation).
 * Service identities never have a password: they connect with access tokens or, when given the
 * identity provider's subject, with its JWTs (scoped to `targets`, or every target).
 */
export async function createUser(
  db: Db,
  options: { actor: Actor; input: CreateUserInput },
): Promise<{ user: PublicUser; generatedPassword: string | null }> {
  assertRole(options.actor, ['admin']);
  const input = parseInput(createUserSchema, options.input);
  if (input.kind === 'service' && input.password) {
    throw new AppError('INVALID_INPUT', 'Service identities sign in with access tokens, not passwords', {
      fieldErrors: { password: ['Leave empty for a service identity'] },
    });
  }
  if (input.kind !== 'service' && (input.oidcSubject || input.targets?.length)) {
    throw new AppError('INVALID_INPUT', 'Only service identities have an OIDC subject and a target scope', {
      fieldErrors: { [input.oidcSubject ? 'oidcSubject' : 'targets']: ['Only for service identities'] },
    });
  }
  const scope = await resolveTargets(db, input.targets ?? []);
  const generatedPassword = input.kind === 'human' && !input.password ? randomBytes(12).toString('base64url') : null;
  const password = input.password ?? generatedPassword;
  const passwordHash = password ? await hashPassword(password) : null;
  try {
    const row = await db.transaction(async (tx) => {
      const [created] = await tx
        .insert(users)
        .values({
          email: input.email,
          name: input.name || input.email.split('@')[0]!,
          role: input.role,
          kind: input.kind,
          passwordHash,
          oidcSubject: input.oidcSubject ?? null,
          targetIds: scope?.map((t) => t.id) ?? null,
        })
        .returning();
      await appendAuditEvent(tx, {
        actor: options.actor,
        action: 'user.created',
        subjectType: 'user',
        subjectId: created!.id,
        summary: `${options.actor.email} created ${created!.kind === 'service' ? 'service identity' : 'user'} ${created!.email} (${created!.role})`,
        details: {
          email: created!.email,
          name: created!.name,
          role: created!.role,
          kind: created!.kind,
          hasPassword: password !== null,
          passwordGenerated: generatedPassword !== null,
          ...(created!.kind === 'service' ? { oidcSubject: created!.oidcSubject, targets: scope?.map((t) => t.name) ?? 'all' } : {}),
        },
      });
      return created!;
    });
    return { user: toPublicUser(row), generatedPassword };
  } catch (e) {
    if (isUniqueViolation(e) && /oidc_subject/.test(uniqueConstraint(e))) {
      throw new AppError('CONFLICT', `Subject "${input.oidcSubject}" already belongs to another service identity`, {
        fieldErrors: { oidcSubject: ['Already in use'] },
      });
    }
    if (isUniqueViolation(e)) {
      throw new AppError('CONFLICT', `A user with e-mail ${input.email} already exists`, {
        fieldErrors: { email: ['Already in use'] },
      });
    }
    throw e;
  }
}

function uniqueConstraint(e: unknown): string {
  const err = e as { constraint_name?: string; cause?: { constraint_name?: string } };
  return err.constraint_name ?? err.cause?.constraint_name ?? '';
}
