import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { setupTestDb, uniqueName } from '@/test/db';
import { makeActor, TEST_PASSWORD } from '@/test/actors';
import { users } from '@/lib/db/schema';
import { CLI_ACTOR } from '@/lib/auth/actor';
import { createUser } from './create-user';
import { updateUser } from './update-user';
import { verifyCredentials } from './verify-credentials';
import { listUsers } from './list-users';

const { db } = setupTestDb();

describe('users', () => {
  it('creates a person with a slow hash and lets them sign in', async () => {
    const email = `${uniqueName('alice')}@Example.test`;
    const { user, generatedPassword } = await createUser(db, { actor: CLI_ACTOR, input: { email, role: 'approver', password: TEST_PASSWORD } });
    expect(user.email).toBe(email.toLowerCase());
    expect(generatedPassword).toBeNull();
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(row!.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(row!.passwordHash).not.toContain(TEST_PASSWORD);
    expect((await verifyCredentials(db, email, TEST_PASSWORD))?.id).toBe(user.id);
    expect(await verifyCredentials(db, email, 'wrong password!!')).toBeNull();
  });

  it('generates a password for an invited person and none for a service identity', async () => {
    const invited = await createUser(db, { actor: CLI_ACTOR, input: { email: `${uniqueName('bob')}@example.test`, role: 'user' } });
    expect(invited.generatedPassword).toHaveLength(16);
    expect((await verifyCredentials(db, invited.user.email, invited.generatedPassword!))?.id).toBe(invited.user.id);
    const service = await createUser(db, { actor: CLI_ACTOR, input: { email: `${uniqueName('bot')}@example.test`, role: 'user', kind: 'service' } });
    expect(service.generatedPassword).toBeNull();
    expect(service.user.hasPassword).toBe(false);
  });

  it('refuses bad input with field errors and writes nothing', async () => {
    const before = await db.$count(users);
    await expect(createUser(db, { actor: CLI_ACTOR, input: { email: 'not-an-email', role: 'user' } })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      fieldErrors: { email: ['Enter a valid e-mail address'] },
    });
    await expect(createUser(db, { actor: CLI_ACTOR, input: { email: 'x@example.test', role: 'root' as 'user' } })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(createUser(db, { actor: CLI_ACTOR, input: { email: 'y@example.test', role: 'user', password: 'short' } })).rejects.toMatchObject({
      fieldErrors: { password: [expect.stringContaining('at least 12')] },
    });
    expect(await db.$count(users)).toBe(before);
  });

  it('refuses a duplicate e-mail as a conflict', async () => {
    const email = `${uniqueName('dup')}@example.test`;
    await createUser(db, { actor: CLI_ACTOR, input: { email, role: 'user' } });
    await expect(createUser(db, { actor: CLI_ACTOR, input: { email: email.toUpperCase(), role: 'user' } })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('lets only admins create, list and change users', async () => {
    const approver = await makeActor(db, 'approver');
    await expect(createUser(db, { actor: approver, input: { email: 'z@example.test', role: 'admin' } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(listUsers(db, { actor: approver })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(updateUser(db, { actor: approver, userId: approver.id!, input: { role: 'admin' } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('disables a user so they can no longer sign in, and re-enables them', async () => {
    const admin = await makeActor(db, 'admin');
    const target = await makeActor(db, 'user');
    await updateUser(db, { actor: admin, userId: target.id!, input: { disabled: true } });
    expect(await verifyCredentials(db, target.email, TEST_PASSWORD)).toBeNull();
    await updateUser(db, { actor: admin, userId: target.id!, input: { disabled: false, role: 'auditor' } });
    expect((await verifyCredentials(db, target.email, TEST_PASSWORD))?.role).toBe('auditor');
  });

  it('never lets an admin demote or disable themselves', async () => {
    const admin = await makeActor(db, 'admin');
    await expect(updateUser(db, { actor: admin, userId: admin.id!, input: { role: 'user' } })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(updateUser(db, { actor: admin, userId: admin.id!, input: { disabled: true } })).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
