import { describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { setupTestDb, uniqueName } from '@/test/db';
import { makeActor } from '@/test/actors';
import { auditEvents, users } from '@/lib/db/schema';
import { CLI_ACTOR } from '@/lib/auth/actor';
import { createUser } from '@/lib/users/create-user';
import { updateUser } from '@/lib/users/update-user';
import { getUserById } from '@/lib/users/get-user';
import { DEFAULT_AUTH_SETTINGS } from '@/lib/settings/auth-settings';
import { groupRolesSchema } from './group-roles';
import { signInWithSso, type SsoProfile } from './sign-in-with-sso';

const { db } = setupTestDb();

const groupRoles = groupRolesSchema.parse('gatehouse-admins=admin,sec-auditors=auditor,oncall=approver');
const profile = (email: string, groups: string[], more: Partial<SsoProfile> = {}): SsoProfile => ({ email, emailVerified: true, name: 'SSO Person', groups, ...more });
const signIn = (p: SsoProfile, options: { mapping?: boolean; breakGlassEmail?: string } = {}) =>
  signInWithSso(db, {
    profile: p,
    groupRoles: options.mapping === false ? null : groupRoles,
    settings: { ...DEFAULT_AUTH_SETTINGS, breakGlassEmail: options.breakGlassEmail ?? null },
    address: '203.0.113.7',
  });
const eventsAbout = (subjectId: string) =>
  db.select().from(auditEvents).where(and(eq(auditEvents.subjectType, 'user'), eq(auditEvents.subjectId, subjectId))).orderBy(asc(auditEvents.seq));
const refusalsFor = (email: string) =>
  db.select().from(auditEvents).where(and(eq(auditEvents.action, 'auth.sign_in_refused'), eq(auditEvents.actorEmail, email)));

describe('single sign-on with group → role mapping', () => {
  it('sets the role from the highest matching group and audits the change with before and after', async () => {
    const person = await makeActor(db, 'user');
    const result = await signIn(profile(person.email, ['sec-auditors', 'oncall', 'unrelated']));
    expect(result).toMatchObject({ refusal: null, user: { id: person.id, role: 'approver' } });
    expect((await getUserById(db, person.id!)).role).toBe('approver');
    const events = (await eventsAbout(person.id!)).filter((e) => e.action !== 'user.created');
    expect(events.map((e) => e.action)).toEqual(['user.updated', 'auth.signed_in']);
    expect(events[0]!.details).toMatchObject({ via: 'sso', groups: ['oncall'], changes: { role: { before: 'user', after: 'approver' } } });
    expect(events[0]!.summary).toContain('from user to approver');
    expect(events[1]).toMatchObject({ actorRole: 'approver', actorAddress: '203.0.113.7', details: { method: 'oidc' } });
  });

  it('writes no role change when the groups give the role the person already has', async () => {
    const person = await makeActor(db, 'auditor');
    await signIn(profile(person.email, ['sec-auditors']));
    expect((await eventsAbout(person.id!)).map((e) => e.action)).toEqual(['user.created', 'auth.signed_in']);
  });

  it('refuses a known person none of whose groups maps, and leaves their role alone', async () => {
    const person = await makeActor(db, 'admin');
    const result = await signIn(profile(person.email.toUpperCase(), ['unrelated']));
    expect(result).toMatchObject({ refusal: 'no_mapped_group', user: { id: person.id } });
    expect((await getUserById(db, person.id!)).role).toBe('admin');
    const [refused] = await refusalsFor(person.email);
    expect(refused).toMatchObject({ subjectId: person.id, details: { method: 'oidc', reason: 'no_mapped_group' } });
  });

  it('demotes an admin the provider no longer puts in the admin group', async () => {
    const person = await makeActor(db, 'admin');
    await expect(signIn(profile(person.email, ['oncall']))).resolves.toMatchObject({ refusal: null, user: { role: 'approver' } });
  });

  it('creates a person on first sign-in when a group maps them, with no password', async () => {
    const email = `${uniqueName('newcomer')}@example.test`;
    const result = await signIn(profile(email, ['gatehouse-admins'], { name: 'New Comer' }));
    expect(result).toMatchObject({ refusal: null, user: { email, role: 'admin', kind: 'human', name: 'New Comer', passwordHash: null } });
    const events = await eventsAbout(result.user!.id);
    expect(events.map((e) => e.action)).toEqual(['user.created', 'auth.signed_in']);
    expect(events[0]!.details).toMatchObject({ via: 'sso', role: 'admin', groups: ['gatehouse-admins'], hasPassword: false });
  });

  it('creates nobody whose groups do not map, nor anyone at all without a mapping', async () => {
    const unmapped = `${uniqueName('stranger')}@example.test`;
    await expect(signIn(profile(unmapped, ['unrelated']))).resolves.toMatchObject({ refusal: 'unknown_user', user: null });
    const unconfigured = `${uniqueName('stranger')}@example.test`;
    await expect(signIn(profile(unconfigured, ['gatehouse-admins']), { mapping: false })).resolves.toMatchObject({ refusal: 'unknown_user' });
    expect(await db.$count(users, eq(users.email, unmapped))).toBe(0);
    expect(await db.$count(users, eq(users.email, unconfigured))).toBe(0);
    expect(await refusalsFor(unmapped)).toHaveLength(1);
  });

  it('without a mapping, lets people an admin created in with the role they were given', async () => {
    const person = await makeActor(db, 'auditor');
    await expect(signIn(profile(person.email, ['gatehouse-admins']), { mapping: false })).resolves.toMatchObject({ refusal: null, user: { role: 'auditor' } });
  });

  it('never changes the role of the break-glass admin', async () => {
    const person = await makeActor(db, 'admin');
    await expect(signIn(profile(person.email, ['oncall']), { breakGlassEmail: person.email })).resolves.toMatchObject({ refusal: null, user: { role: 'admin' } });
    await expect(signIn(profile(person.email, []), { breakGlassEmail: person.email })).resolves.toMatchObject({ refusal: null, user: { role: 'admin' } });
    expect((await getUserById(db, person.id!)).role).toBe('admin');
  });

  it('refuses disabled people, service identities, and missing or unverified e-mails', async () => {
    const admin = await makeActor(db, 'admin');
    const disabled = await makeActor(db, 'user');
    await updateUser(db, { actor: admin, userId: disabled.id!, input: { disabled: true } });
    const { user: service } = await createUser(db, { actor: CLI_ACTOR, input: { email: `${uniqueName('svc')}@example.test`, role: 'user', kind: 'service' } });
    const cases: [SsoProfile, string][] = [
      [profile(disabled.email, ['oncall']), 'disabled'],
      [profile(service.email, ['oncall']), 'not_a_person'],
      [profile('', ['oncall']), 'no_email'],
      [profile(`${uniqueName('unverified')}@example.test`, ['gatehouse-admins'], { emailVerified: false }), 'email_not_verified'],
    ];
    for (const [p, refusal] of cases) await expect(signIn(p)).resolves.toMatchObject({ refusal });
    expect((await getUserById(db, disabled.id!)).role).toBe('user');
    expect((await getUserById(db, service.id)).role).toBe('user');
  });
});
