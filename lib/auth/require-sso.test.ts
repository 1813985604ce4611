import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import type { Session } from 'next-auth';
import type { JWT } from 'next-auth/jwt';
import { setupTestDb } from '@/test/db';
import { makeActor, TEST_PASSWORD } from '@/test/actors';
import { auditEvents, portalSettings, users } from '@/lib/db/schema';
import { closeDb } from '@/lib/db/client';
import { migrateDatabase } from '@/lib/db/migrate';
import { dropDatabase } from '@/lib/db/ensure-database';
import { getEnv, resetEnvForTests } from '@/lib/env';
import { createUser } from '@/lib/users/create-user';
import { updateUser } from '@/lib/users/update-user';
import { CLI_ACTOR } from '@/lib/auth/actor';
import { AUTH_SETTINGS_KEY, getAuthSettings } from '@/lib/settings/auth-settings';
import { updateAuthSettings } from '@/lib/settings/update-auth-settings';
import { buildAuthOptions } from './auth-options';
import { signInWithPassword } from './sign-in-with-password';

// The `auth` row is installation-wide: requiring SSO would refuse other test files' password
// sign-ins, so this file runs on a store of its own, and its tests share the row in order.
const storeUrl = new URL(getEnv().DATABASE_URL);
storeUrl.pathname = `/gatehouse_sso_${randomBytes(4).toString('hex')}`;
process.env.DATABASE_URL = storeUrl.toString();
resetEnvForTests();
beforeAll(() => migrateDatabase(storeUrl.toString()));
const { db } = setupTestDb();

afterAll(async () => {
  await db.delete(portalSettings).where(eq(portalSettings.key, AUTH_SETTINGS_KEY));
  await closeDb();
  await dropDatabase(storeUrl.toString());
});

const lastSettingsEvent = async () =>
  (await db.select().from(auditEvents).where(eq(auditEvents.action, 'portal.settings_changed')).orderBy(desc(auditEvents.seq)).limit(1))[0];
const lastRefusal = async (email: string) =>
  (await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'auth.sign_in_refused'), eq(auditEvents.actorEmail, email))).orderBy(desc(auditEvents.seq)).limit(1))[0];

describe('require SSO: the setting', () => {
  it('starts off, and only admins change it', async () => {
    await db.delete(portalSettings).where(eq(portalSettings.key, AUTH_SETTINGS_KEY));
    expect(await getAuthSettings(db)).toEqual({ requireSso: false, breakGlassEmail: null });
    const approver = await makeActor(db, 'approver');
    await expect(updateAuthSettings(db, { actor: approver, input: { requireSso: false, breakGlassEmail: null }, isOidcConfigured: true })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('cannot be required without a provider or without a valid break-glass admin, and nothing is saved', async () => {
    const admin = await makeActor(db, 'admin');
    const approver = await makeActor(db, 'approver');
    const disabledAdmin = await makeActor(db, 'admin');
    await updateUser(db, { actor: admin, userId: disabledAdmin.id!, input: { disabled: true } });
    const { user: noPassword } = await createUser(db, { actor: CLI_ACTOR, input: { email: `nopw-${admin.email}`, role: 'admin' } });
    await db.update(users).set({ passwordHash: null }).where(eq(users.id, noPassword.id));
    const { user: service } = await createUser(db, { actor: CLI_ACTOR, input: { email: `svc-${admin.email}`, role: 'admin', kind: 'service' } });
    const attempt = (breakGlassEmail: string | null, isOidcConfigured = true) =>
      updateAuthSettings(db, { actor: admin, input: { requireSso: true, breakGlassEmail }, isOidcConfigured });
    await expect(attempt(admin.email, false)).rejects.toMatchObject({ code: 'INVALID_INPUT', fieldErrors: { requireSso: ['Configure an OIDC provider first'] } });
    await expect(attempt(null)).rejects.toMatchObject({ fieldErrors: { breakGlassEmail: ['Name the break-glass admin'] } });
    await expect(attempt('not an e-mail')).rejects.toMatchObject({ fieldErrors: { breakGlassEmail: ['Enter a valid e-mail address'] } });
    await expect(attempt('nobody@example.test')).rejects.toMatchObject({ fieldErrors: { breakGlassEmail: ['No user has this e-mail'] } });
    await expect(attempt(approver.email)).rejects.toMatchObject({ fieldErrors: { breakGlassEmail: ['This user is approver, not admin'] } });
    await expect(attempt(disabledAdmin.email)).rejects.toMatchObject({ fieldErrors: { breakGlassEmail: ['This user is disabled'] } });
    await expect(attempt(service.email)).rejects.toMatchObject({ fieldErrors: { breakGlassEmail: ['This is a service identity, not a person'] } });
    await expect(attempt(noPassword.email)).rejects.toMatchObject({ fieldErrors: { breakGlassEmail: ['This admin has no password to sign in with'] } });
    expect(await getAuthSettings(db)).toEqual({ requireSso: false, breakGlassEmail: null });
  });

  it('refuses a stored value that does not parse rather than falling back to passwords', async () => {
    await db.insert(portalSettings).values({ key: AUTH_SETTINGS_KEY, value: { requireSso: 'yes' } });
    await expect(getAuthSettings(db)).rejects.toThrow(/not valid; save them again/);
    await db.delete(portalSettings).where(eq(portalSettings.key, AUTH_SETTINGS_KEY));
  });
});

describe('require SSO: password sign-in', () => {
  it('refuses everyone but the break-glass admin, says why, and audits the change and each refusal', async () => {
    const breakGlass = await makeActor(db, 'admin');
    const admin = await makeActor(db, 'admin');
    const saved = await updateAuthSettings(db, { actor: admin, input: { requireSso: true, breakGlassEmail: breakGlass.email.toUpperCase() }, isOidcConfigured: true });
    expect(saved).toEqual({ requireSso: true, breakGlassEmail: breakGlass.email });
    expect(await lastSettingsEvent()).toMatchObject({
      actorId: admin.id,
      subjectId: 'auth',
      details: { key: 'auth', changes: { requireSso: { before: false, after: true }, breakGlassEmail: { before: null, after: breakGlass.email } } },
    });

    await expect(signInWithPassword(db, { email: admin.email, password: TEST_PASSWORD, address: null })).resolves.toEqual({ user: null, error: 'SsoRequired' });
    expect(await lastRefusal(admin.email)).toMatchObject({ subjectId: admin.id, details: { reason: 'sso_required', method: 'credentials' } });
    // A wrong password gets the same answer, so the answer does not confirm a right one.
    await expect(signInWithPassword(db, { email: admin.email, password: 'wrong password!!', address: null })).resolves.toEqual({ user: null, error: 'SsoRequired' });
    expect(await lastRefusal(admin.email)).toMatchObject({ details: { reason: 'wrong_password' } });
    await expect(signInWithPassword(db, { email: breakGlass.email, password: TEST_PASSWORD, address: null })).resolves.toMatchObject({ user: { id: breakGlass.id }, error: null });

    const authorize = credentialsAuthorize();
    await expect(authorize({ email: admin.email, password: TEST_PASSWORD })).rejects.toThrow('SsoRequired');
    await expect(authorize({ email: breakGlass.email, password: TEST_PASSWORD })).resolves.toMatchObject({ id: breakGlass.id });
  });

  it('ends password sessions of everyone but the break-glass admin; SSO sessions carry on', async () => {
    const { breakGlassEmail } = await getAuthSettings(db);
    const admin = await makeActor(db, 'admin');
    const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, breakGlassEmail!));
    const breakGlassId = row!.id;
    await expect(sessionUid(admin.id!, 'credentials')).resolves.toBeUndefined();
    await expect(sessionUid(admin.id!, undefined)).resolves.toBeUndefined();
    await expect(sessionUid(admin.id!, 'oidc')).resolves.toBe(admin.id);
    await expect(sessionUid(breakGlassId, 'credentials')).resolves.toBe(breakGlassId);
  });

  it('keeps the break-glass admin an enabled admin while SSO is required', async () => {
    const { breakGlassEmail } = await getAuthSettings(db);
    const admin = await makeActor(db, 'admin');
    const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, breakGlassEmail!));
    await expect(updateUser(db, { actor: admin, userId: row!.id, input: { disabled: true } })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('break-glass admin') });
    await expect(updateUser(db, { actor: admin, userId: row!.id, input: { role: 'auditor' } })).rejects.toMatchObject({ code: 'CONFLICT' });
    const [after] = await db.select().from(users).where(eq(users.id, row!.id));
    expect(after).toMatchObject({ role: 'admin', disabledAt: null });
  });

  it('opens password sign-in again when an admin stops requiring SSO', async () => {
    const admin = await makeActor(db, 'admin');
    await updateAuthSettings(db, { actor: admin, input: { requireSso: false, breakGlassEmail: '' }, isOidcConfigured: false });
    expect(await lastSettingsEvent()).toMatchObject({ summary: `${admin.email} stopped requiring single sign-on` });
    await expect(signInWithPassword(db, { email: admin.email, password: TEST_PASSWORD, address: null })).resolves.toMatchObject({ user: { id: admin.id } });
    await expect(signInWithPassword(db, { email: admin.email, password: 'wrong password!!', address: null })).resolves.toEqual({ user: null, error: 'CredentialsSignin' });
    await expect(sessionUid(admin.id!, 'credentials')).resolves.toBe(admin.id);
  });
});

type Authorize = (credentials: Record<string, string>) => Promise<{ id: string } | null>;

function credentialsAuthorize(): Authorize {
  const provider = buildAuthOptions().providers.find((p) => p.id === 'credentials') as unknown as { options: { authorize: (c: unknown, req: unknown) => Promise<{ id: string } | null> } };
  return (credentials) => provider.options.authorize(credentials, {});
}

async function sessionUid(uid: string, method: string | undefined): Promise<string | undefined> {
  const session = buildAuthOptions().callbacks!.session!;
  const result = (await session({ session: { expires: '' } as Session, token: { uid, method } as JWT } as never)) as { uid?: string };
  return result.uid;
}
