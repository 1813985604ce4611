'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { withRole } from '@/app/_server/action';
import { getDb } from '@/lib/db/client';
import { parseInput } from '@/lib/validation';
import { createUserSchema, updateUserSchema } from '@/lib/users/user-schemas';
import { createUser } from '@/lib/users/create-user';
import { updateUser } from '@/lib/users/update-user';

const userIdSchema = z.object({ userId: z.string().min(1, 'Missing user id') });
const disabledSchema = z.object({ disabled: z.enum(['true', 'false']).transform((v) => v === 'true') });

/** "a, b" to ['a', 'b']; blank to []. */
const listField = (value: FormDataEntryValue | null) => String(value ?? '').split(',').map((v) => v.trim()).filter(Boolean);

/** A generated password is returned once, in this response only, so the admin can hand it over. */
export const createUserAction = withRole<{ email: string; generatedPassword: string | null }>(['admin'], async (actor, formData) => {
  const input = parseInput(createUserSchema, {
    email: formData.get('email') ?? '',
    name: formData.get('name') || undefined,
    role: formData.get('role') ?? undefined,
    kind: formData.get('kind') ?? undefined,
    password: formData.get('password') || undefined,
    oidcSubject: formData.get('oidcSubject') || undefined,
    targets: listField(formData.get('targets')),
  });
  const { user, generatedPassword } = await createUser(getDb(), { actor, input });
  revalidatePath('/users');
  return { ok: true, message: `Created ${user.email}`, data: { email: user.email, generatedPassword } };
});

export const updateUserRoleAction = withRole(['admin'], async (actor, formData) => {
  const fields = Object.fromEntries(formData);
  const { userId } = parseInput(userIdSchema, fields);
  const user = await updateUser(getDb(), { actor, userId, input: parseInput(updateUserSchema, { role: fields.role }) });
  revalidatePath('/users');
  return { ok: true, message: `${user.email} is now ${user.role}` };
});

export const setUserDisabledAction = withRole(['admin'], async (actor, formData) => {
  const fields = Object.fromEntries(formData);
  const { userId } = parseInput(userIdSchema, fields);
  const { disabled } = parseInput(disabledSchema, fields);
  const user = await updateUser(getDb(), { actor, userId, input: { disabled } });
  revalidatePath('/users');
  return { ok: true, message: `${user.email} is ${user.disabledAt ? 'disabled' : 'enabled'}` };
});

/** A blank subject removes it (no JWT signs in as the identity); blank targets mean every target. */
export const updateServiceIdentityAction = withRole(['admin'], async (actor, formData) => {
  const { userId } = parseInput(userIdSchema, Object.fromEntries(formData));
  const targets = listField(formData.get('targets'));
  const input = parseInput(updateUserSchema, { oidcSubject: String(formData.get('oidcSubject') ?? '').trim() || null, targets: targets.length ? targets : null });
  const user = await updateUser(getDb(), { actor, userId, input });
  revalidatePath('/users');
  return { ok: true, message: `Saved the OIDC subject and target scope of ${user.email}` };
});
