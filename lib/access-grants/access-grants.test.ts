import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { setupTestDb, uniqueName } from '@/test/db';
import { makeActor } from '@/test/actors';
import { accessGrants } from '@/lib/db/schema';
import { CLI_ACTOR, type Actor } from '@/lib/auth/actor';
import { createTarget } from '@/lib/targets/create-target';
import { requestAccessGrant } from './request-access-grant';
import { decideAccessGrant } from './decide-access-grant';
import { revokeAccessGrant } from './revoke-access-grant';
import { listAccessGrants } from './list-access-grants';
import { getActiveGrantRole } from './get-active-grant-role';

const { db } = setupTestDb();

async function makeTarget() {
  return createTarget(db, {
    actor: CLI_ACTOR,
    input: { name: uniqueName('ag'), host: 'db.example.test', port: 5432, database: 'app', username: 'app', password: 'pw-12345', tlsMode: 'require' },
  });
}

async function request(actor: Actor, target: string, role: 'admin' | 'approver' | 'auditor' = 'admin', durationMinutes = 60) {
  return requestAccessGrant(db, { actor, input: { target, role, durationMinutes, reason: 'incident 42' } });
}

describe('access grants', () => {
  it('request, approve: the role is active on that target for the duration, by the database clock', async () => {
    const [user, approver, target, other] = [await makeActor(db, 'user'), await makeActor(db, 'approver'), await makeTarget(), await makeTarget()];
    const grant = await request(user, target.name);
    expect(grant).toMatchObject({ status: 'pending', userEmail: user.email, targetId: target.id, role: 'admin', durationSeconds: 3600, startsAt: null });
    expect(await getActiveGrantRole(db, { userId: user.id!, targetId: target.id })).toBeNull();

    const approved = await decideAccessGrant(db, { actor: approver, grantId: grant.id, decision: 'approve' });
    expect(approved).toMatchObject({ status: 'approved', decidedByEmail: approver.email });
    expect(approved.endsAt!.getTime() - approved.startsAt!.getTime()).toBe(3_600_000);
    expect(await getActiveGrantRole(db, { userId: user.id!, targetId: target.id })).toEqual({ role: 'admin', endsAt: approved.endsAt });
    expect(await getActiveGrantRole(db, { userId: user.id!, targetId: other.id })).toBeNull();
  });

  it('picks the most privileged running grant', async () => {
    const [user, approver, target] = [await makeActor(db, 'user'), await makeActor(db, 'admin'), await makeTarget()];
    for (const role of ['auditor', 'approver'] as const) {
      const grant = await request(user, target.id, role);
      await decideAccessGrant(db, { actor: approver, grantId: grant.id, decision: 'approve' });
    }
    expect((await getActiveGrantRole(db, { userId: user.id!, targetId: target.id }))?.role).toBe('approver');
  });

  it('an ended or denied grant gives nothing', async () => {
    const [user, approver, target] = [await makeActor(db, 'user'), await makeActor(db, 'approver'), await makeTarget()];
    const expired = await request(user, target.name);
    await decideAccessGrant(db, { actor: approver, grantId: expired.id, decision: 'approve' });
    await db.update(accessGrants).set({ endsAt: sql`now() - interval '1 second'` }).where(eq(accessGrants.id, expired.id));
    expect(await getActiveGrantRole(db, { userId: user.id!, targetId: target.id })).toBeNull();

    const denied = await request(user, target.name);
    await expect(decideAccessGrant(db, { actor: approver, grantId: denied.id, decision: 'deny' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      fieldErrors: { reason: ['Say why the request is denied'] },
    });
    const decided = await decideAccessGrant(db, { actor: approver, grantId: denied.id, decision: 'deny', reason: 'use the replica' });
    expect(decided).toMatchObject({ status: 'denied', decisionReason: 'use the replica', startsAt: null, endsAt: null });
    expect(await getActiveGrantRole(db, { userId: user.id!, targetId: target.id })).toBeNull();
  });

  it('refuses self-approval, and deciding by anyone but approvers and admins', async () => {
    const [approver, auditor, target] = [await makeActor(db, 'approver'), await makeActor(db, 'auditor'), await makeTarget()];
    const own = await request(approver, target.name);
    await expect(decideAccessGrant(db, { actor: approver, grantId: own.id, decision: 'approve' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(decideAccessGrant(db, { actor: auditor, grantId: own.id, decision: 'approve' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(decideAccessGrant(db, { actor: approver, grantId: crypto.randomUUID(), decision: 'approve' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const [row] = await db.select().from(accessGrants).where(eq(accessGrants.id, own.id));
    expect(row!.status).toBe('pending');
  });

  it('concurrent approve and deny: exactly one wins, the other gets CONFLICT', async () => {
    const [user, a, b, target] = [await makeActor(db, 'user'), await makeActor(db, 'approver'), await makeActor(db, 'admin'), await makeTarget()];
    for (let i = 0; i < 5; i++) {
      const grant = await request(user, target.name);
      const results = await Promise.allSettled([
        decideAccessGrant(db, { actor: a, grantId: grant.id, decision: 'approve' }),
        decideAccessGrant(db, { actor: b, grantId: grant.id, decision: 'deny', reason: 'no' }),
      ]);
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r) => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost[0]?.reason).toMatchObject({ code: 'CONFLICT' });
      const [row] = await db.select().from(accessGrants).where(eq(accessGrants.id, grant.id));
      expect(row!.status).toBe(won[0]!.value.status);
    }
  });

  it('revoke ends a running grant now; only admins or its approver may', async () => {
    const [user, approver, otherApprover, admin, target] = [
      await makeActor(db, 'user'),
      await makeActor(db, 'approver'),
      await makeActor(db, 'approver'),
      await makeActor(db, 'admin'),
      await makeTarget(),
    ];
    const first = await request(user, target.name);
    await decideAccessGrant(db, { actor: approver, grantId: first.id, decision: 'approve' });
    await expect(revokeAccessGrant(db, { actor: otherApprover, grantId: first.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(revokeAccessGrant(db, { actor: user, grantId: first.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const revoked = await revokeAccessGrant(db, { actor: approver, grantId: first.id });
    expect(revoked.status).toBe('revoked');
    expect(revoked.endsAt!.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    expect(await getActiveGrantRole(db, { userId: user.id!, targetId: target.id })).toBeNull();
    await expect(revokeAccessGrant(db, { actor: approver, grantId: first.id })).rejects.toMatchObject({ code: 'CONFLICT' });

    const second = await request(user, target.name);
    await decideAccessGrant(db, { actor: approver, grantId: second.id, decision: 'approve' });
    await revokeAccessGrant(db, { actor: admin, grantId: second.id });
    expect(await getActiveGrantRole(db, { userId: user.id!, targetId: target.id })).toBeNull();
  });

  it('refuses bad input with field errors and writes nothing', async () => {
    const [user, target] = [await makeActor(db, 'user'), await makeTarget()];
    const before = await db.$count(accessGrants);
    const input = { target: target.name, role: 'admin' as const, durationMinutes: 60, reason: 'incident' };
    await expect(requestAccessGrant(db, { actor: user, input: { ...input, reason: '  ' } })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      fieldErrors: { reason: ['Say why you need this access'] },
    });
    for (const durationMinutes of [0, 1441, 'soon']) {
      await expect(requestAccessGrant(db, { actor: user, input: { ...input, durationMinutes } as never })).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        fieldErrors: { durationMinutes: [expect.stringContaining('Duration')] },
      });
    }
    await expect(requestAccessGrant(db, { actor: user, input: { ...input, role: 'user' } })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      fieldErrors: { role: ['You already have the user role'] },
    });
    await expect(requestAccessGrant(db, { actor: user, input: { ...input, target: 'no-such-target' } })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      fieldErrors: { target: ['Unknown: no-such-target'] },
    });
    await expect(requestAccessGrant(db, { actor: CLI_ACTOR, input })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await db.$count(accessGrants)).toBe(before);
  });

  it('lists everything for approvers and only their own for others', async () => {
    const [user, other, approver, target] = [await makeActor(db, 'user'), await makeActor(db, 'auditor'), await makeActor(db, 'approver'), await makeTarget()];
    const mine = await request(user, target.name);
    const theirs = await request(other, target.name);
    const ownIds = (await listAccessGrants(db, { actor: user })).map((g) => g.id);
    expect(ownIds).toContain(mine.id);
    expect(ownIds).not.toContain(theirs.id);
    const pending = (await listAccessGrants(db, { actor: approver, status: 'pending' })).map((g) => g.id);
    expect(pending).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    await expect(listAccessGrants(db, { actor: approver, status: 'bogus' as never })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});
