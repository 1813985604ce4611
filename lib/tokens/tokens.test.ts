import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { setupTestDb, uniqueName } from '@/test/db';
import { makeActor } from '@/test/actors';
import { accessTokens, targets } from '@/lib/db/schema';
import { CLI_ACTOR } from '@/lib/auth/actor';
import { updateUser } from '@/lib/users/update-user';
import { createTarget } from '@/lib/targets/create-target';
import { createAccessToken } from './create-access-token';
import { authenticateAccessToken, tokenAllowsTarget } from './authenticate-access-token';
import { revokeAccessToken } from './revoke-access-token';
import { listAccessTokens } from './list-access-tokens';

const { db } = setupTestDb();

async function makeTarget() {
  return createTarget(db, {
    actor: CLI_ACTOR,
    input: { name: uniqueName('tt'), host: 'db.example.test', port: 5432, database: 'app', username: 'app', password: 'pw-12345', tlsMode: 'require' },
  });
}

describe('access tokens', () => {
  it('is shown once and stored only as a hash; it authenticates its owner', async () => {
    const user = await makeActor(db, 'user');
    const { token, record } = await createAccessToken(db, { actor: user, input: { name: 'ci' } });
    expect(token).toMatch(/^ghk_[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(record)).not.toContain(token);
    const [row] = await db.select().from(accessTokens).where(eq(accessTokens.id, record.id));
    expect(row!.tokenHash).not.toContain(token.slice(4));
    expect(row!.expiresAt!.getTime() - Date.now()).toBeGreaterThan(29 * 86_400_000);
    const identity = await authenticateAccessToken(db, token);
    expect(identity.actor).toMatchObject({ id: user.id, role: 'user', via: 'token', tokenId: record.id });
  });

  it('refuses unknown, revoked, expired and disabled-user tokens, saying why', async () => {
    const admin = await makeActor(db, 'admin');
    const user = await makeActor(db, 'user');
    await expect(authenticateAccessToken(db, 'ghk_' + 'A'.repeat(43))).rejects.toThrow('Unknown access token');
    await expect(authenticateAccessToken(db, 'password')).rejects.toThrow('Not a Gatehouse access token');

    const revoked = await createAccessToken(db, { actor: user, input: { name: 'to-revoke' } });
    await revokeAccessToken(db, { actor: user, tokenId: revoked.record.id });
    await expect(authenticateAccessToken(db, revoked.token)).rejects.toThrow('was revoked');
    await expect(revokeAccessToken(db, { actor: user, tokenId: revoked.record.id })).rejects.toMatchObject({ code: 'CONFLICT' });

    const expiring = await createAccessToken(db, { actor: user, input: { name: 'old' } });
    await db.update(accessTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(accessTokens.id, expiring.record.id));
    await expect(authenticateAccessToken(db, expiring.token)).rejects.toThrow('expired');

    const live = await createAccessToken(db, { actor: user, input: { name: 'live', expiresIn: 'never' } });
    expect(live.record.expiresAt).toBeNull();
    await updateUser(db, { actor: admin, userId: user.id!, input: { disabled: true } });
    await expect(authenticateAccessToken(db, live.token)).rejects.toThrow('is disabled');
  });

  it('scopes a token to named targets and refuses unknown ones', async () => {
    const user = await makeActor(db, 'user');
    const [a, b] = [await makeTarget(), await makeTarget()];
    const { record } = await createAccessToken(db, { actor: user, input: { name: 'scoped', targets: [a.name] } });
    expect(tokenAllowsTarget(record, a.id)).toBe(true);
    expect(tokenAllowsTarget(record, b.id)).toBe(false);
    const before = await db.$count(accessTokens);
    await expect(createAccessToken(db, { actor: user, input: { name: 'x', targets: ['no-such-target'] } })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      fieldErrors: { targets: ['Unknown: no-such-target'] },
    });
    await expect(createAccessToken(db, { actor: user, input: { name: '', expiresIn: 'soon' } })).rejects.toMatchObject({
      fieldErrors: { name: ['Name is required'], expiresIn: [expect.stringContaining('duration')] },
    });
    expect(await db.$count(accessTokens)).toBe(before);
    expect(await db.$count(targets)).toBeGreaterThanOrEqual(2);
  });

  it('lets admins issue tokens for service identities but not for other people', async () => {
    const admin = await makeActor(db, 'admin');
    const service = await makeActor(db, 'user', 'service');
    const person = await makeActor(db, 'user');
    const issued = await createAccessToken(db, { actor: admin, input: { name: 'vendor', userEmail: service.email } });
    expect((await authenticateAccessToken(db, issued.token)).actor.id).toBe(service.id);
    await expect(createAccessToken(db, { actor: admin, input: { name: 'x', userEmail: person.email } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(createAccessToken(db, { actor: person, input: { name: 'x', userEmail: service.email } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('does not let a token mint tokens', async () => {
    const user = await makeActor(db, 'user');
    const { token } = await createAccessToken(db, { actor: user, input: { name: 'parent', targets: [] } });
    const { actor } = await authenticateAccessToken(db, token);
    await expect(createAccessToken(db, { actor, input: { name: 'child' } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it("lists a person's own tokens, all tokens for admins, and hides others' from revocation", async () => {
    const admin = await makeActor(db, 'admin');
    const alice = await makeActor(db, 'user');
    const bob = await makeActor(db, 'user');
    const mine = await createAccessToken(db, { actor: alice, input: { name: 'alice-token' } });
    expect((await listAccessTokens(db, { actor: bob })).map((t) => t.id)).not.toContain(mine.record.id);
    expect((await listAccessTokens(db, { actor: alice })).map((t) => t.id)).toContain(mine.record.id);
    expect((await listAccessTokens(db, { actor: admin })).map((t) => t.id)).toContain(mine.record.id);
    await expect(revokeAccessToken(db, { actor: bob, tokenId: mine.record.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await revokeAccessToken(db, { actor: admin, tokenId: mine.record.id });
    expect((await listAccessTokens(db, { actor: alice })).find((t) => t.id === mine.record.id)?.status).toBe('revoked');
  });
});
