import { z } from 'zod';
import { ROLES, USER_KINDS } from '../db/schema';
import { MIN_PASSWORD_LENGTH } from '../crypto/password';

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email('Enter a valid e-mail address'));

export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Password must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(200, 'Password must be at most 200 characters');

/** The `sub` of the identity provider's JWTs that authenticate as a service identity. */
export const oidcSubjectSchema = z.string().trim().min(1, 'Enter the subject').max(255, 'Subject must be at most 255 characters');

/** Target names (or ids) a service identity's JWTs may reach; empty means every target. */
export const identityTargetsSchema = z.array(z.string().trim().min(1)).max(100, 'At most 100 targets');

export const createUserSchema = z.object({
  email: emailSchema,
  name: z.string().trim().max(100, 'Name must be at most 100 characters').optional(),
  role: z.enum(ROLES, 'Role must be one of admin, approver, auditor, user'),
  kind: z.enum(USER_KINDS).default('human'),
  password: passwordSchema.optional(),
  oidcSubject: oidcSubjectSchema.optional(),
  targets: identityTargetsSchema.optional(),
});
export type CreateUserInput = z.input<typeof createUserSchema>;

export const updateUserSchema = z.object({
  role: z.enum(ROLES, 'Role must be one of admin, approver, auditor, user').optional(),
  disabled: z.boolean().optional(),
  /** null removes the subject: no JWT authenticates as the identity any more. */
  oidcSubject: oidcSubjectSchema.nullable().optional(),
  /** null or [] reaches every target. */
  targets: identityTargetsSchema.nullable().optional(),
});
export type UpdateUserInput = z.input<typeof updateUserSchema>;
