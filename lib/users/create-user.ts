import { randomBytes } from 'node:crypto';
import type { Db } from '../db/client';
import { users } from '../db/schema';
import { AppError } from '../errors';
import { hashPassword } from '../crypto/password';
import { assertRole, type Actor } from '../auth/actor';
import { parseInput } from '../validation';
import { isUniqueViolation } from '../db/pg-errors';
import { createUserSchema, type CreateUserInput } from './user-schemas';
import { toPublicUser, type PublicUser } from './public-user';

/**
 * Admins create people and service identities; there is no public sign-up. A person created without
 * a password gets a generated one, returned once so the admin can hand it over (the invitation).
 * Service identities never have a password: they connect with access tokens.
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
  const generatedPassword = input.kind === 'human' && !input.password ? randomBytes(12).toString('base64url') : null;
  const password = input.password ?? generatedPassword;
  try {
    const [row] = await db
      .insert(users)
      .values({
        email: input.email,
        name: input.name || input.email.split('@')[0]!,
        role: input.role,
        kind: input.kind,
        passwordHash: password ? await hashPassword(password) : null,
      })
      .returning();
    return { user: toPublicUser(row!), generatedPassword };
  } catch (e) {
    if (isUniqueViolation(e)) {
      throw new AppError('CONFLICT', `A user with e-mail ${input.email} already exists`, {
        fieldErrors: { email: ['Already in use'] },
      });
    }
    throw e;
  }
}
