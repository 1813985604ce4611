import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { users, type Role, type UserRow } from '../db/schema';
import { appendAuditEvent } from '../audit/append-audit-event';
import { recordSignIn, recordSignInRefused } from '../users/record-sign-in';
import type { AuthSettings } from '../settings/auth-settings';
import { roleFromGroups, type GroupRoles } from './group-roles';

/** What the identity provider said about the person, already read from its claims. */
export type SsoProfile = { email: string | null; emailVerified: boolean | null; name: string | null; groups: string[] };

export type SsoRefusal = 'no_email' | 'email_not_verified' | 'unknown_user' | 'disabled' | 'not_a_person' | 'no_mapped_group' | 'last_admin';

export type SsoSignIn = { user: UserRow; refusal: null } | { user: UserRow | null; refusal: SsoRefusal };

type Decision = { user: UserRow; refusal: null } | { user: UserRow | null; refusal: SsoRefusal };

/**
 * One single sign-on, after next-auth has verified the provider's tokens:
 * 1. the e-mail must be present and not marked unverified (it is how the person is found);
 * 2. with a group mapping (OIDC_GROUP_ROLES) the groups decide the role: the highest matching
 *    one is written to the user (audited as user.updated), no matching group refuses, and an
 *    unknown e-mail whose groups map is created with that role (audited as user.created);
 *    without a mapping only people an admin created sign in, with the role they were given;
 * 3. the break-glass admin keeps their role whatever their groups say, so the local fallback
 *    cannot be demoted by the provider it is a fallback for;
 * 4. the sign-in or the refusal is an audit event, in the same transaction as the role change.
 */
export async function signInWithSso(
  db: Db,
  options: { profile: SsoProfile; groupRoles: GroupRoles | null; settings: AuthSettings; address: string | null },
): Promise<SsoSignIn> {
  const { profile, groupRoles, settings, address } = options;
  const email = profile.email?.trim().toLowerCase() ?? '';
  const mapped = groupRoles ? roleFromGroups(groupRoles, profile.groups) : null;
  const decision = await db.transaction(async (tx): Promise<Decision> => {
    if (!email) return { user: null, refusal: 'no_email' };
    if (profile.emailVerified === false) return { user: null, refusal: 'email_not_verified' };
    const [peek] = await tx.select({ role: users.role }).from(users).where(eq(users.email, email));
    if (peek?.role === 'admin' && groupRoles && mapped?.role !== 'admin') await lockUsersForAdminCheck(tx);
    const [known] = await tx.select().from(users).where(eq(users.email, email)).for('update');
    if (!known) {
      if (!mapped) return { user: null, refusal: 'unknown_user' };
      const user = await createFromGroups(tx, { email, name: profile.name, role: mapped.role, groups: mapped.groups, address });
      await recordSignIn(tx, { user, method: 'oidc', address });
      return { user, refusal: null };
    }
    if (known.disabledAt) return { user: known, refusal: 'disabled' };
    if (known.kind !== 'human') return { user: known, refusal: 'not_a_person' };
    let user = known;
    if (groupRoles && known.email !== settings.breakGlassEmail) {
      if (!mapped) return { user: known, refusal: 'no_mapped_group' };
      if (mapped.role !== known.role) {
        if (known.role === 'admin' && !(await hasOtherAdmin(tx, known.id))) return { user: known, refusal: 'last_admin' };
        user = await setRoleFromGroups(tx, { user: known, role: mapped.role, groups: mapped.groups, address });
      }
    }
    await recordSignIn(tx, { user, method: 'oidc', address });
    return { user, refusal: null };
  });
  if (decision.refusal) {
    await recordSignInRefused(db, { email, method: 'oidc', reason: decision.refusal, user: decision.user, address });
  }
  return decision;
}

async function createFromGroups(tx: Db, o: { email: string; name: string | null; role: Role; groups: string[]; address: string | null }): Promise<UserRow> {
  const [user] = await tx
    .insert(users)
    .values({ email: o.email, name: o.name?.trim().slice(0, 100) || o.email.split('@')[0]!, role: o.role, kind: 'human' })
    .returning();
  await appendAuditEvent(tx, {
    actor: { id: user!.id, email: user!.email, role: null, address: o.address },
    action: 'user.created',
    subjectType: 'user',
    subjectId: user!.id,
    summary: `Single sign-on created user ${user!.email} (${user!.role}) from identity provider groups ${o.groups.join(', ')}`,
    details: { email: user!.email, name: user!.name, role: user!.role, kind: 'human', hasPassword: false, via: 'sso', groups: o.groups },
  });
  return user!;
}

async function setRoleFromGroups(tx: Db, o: { user: UserRow; role: Role; groups: string[]; address: string | null }): Promise<UserRow> {
  const [user] = await tx.update(users).set({ role: o.role, updatedAt: new Date() }).where(eq(users.id, o.user.id)).returning();
  await appendAuditEvent(tx, {
    actor: { id: o.user.id, email: o.user.email, role: o.user.role, address: o.address },
    action: 'user.updated',
    subjectType: 'user',
    subjectId: o.user.id,
    summary: `Single sign-on changed the role of ${o.user.email} from ${o.user.role} to ${o.role} (identity provider groups ${o.groups.join(', ') || 'none'})`,
    details: { email: o.user.email, changes: { role: { before: o.user.role, after: o.role } }, via: 'sso', groups: o.groups },
  });
  return user!;
}

/**
 * The lock updateUser takes for its last-admin check, so a sign-in and an admin's demotion cannot
 * both pass it. Taken before the row lock, in updateUser's order, so the two cannot deadlock.
 */
async function lockUsersForAdminCheck(tx: Db): Promise<void> {
  await tx.execute(sql`lock table ${users} in share row exclusive mode`);
}

async function hasOtherAdmin(tx: Db, userId: string): Promise<boolean> {
  const others = await tx.select({ id: users.id }).from(users).where(and(eq(users.role, 'admin'), isNull(users.disabledAt), ne(users.id, userId))).limit(1);
  return others.length > 0;
}
