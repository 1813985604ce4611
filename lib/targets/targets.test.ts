import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { setupTestDb, uniqueName } from '@/test/db';
import { makeActor } from '@/test/actors';
import { setupTargetDatabase } from '@/test/target-database';
import { targets } from '@/lib/db/schema';
import { getEnv } from '@/lib/env';
import { createTarget } from './create-target';
import { updateTarget } from './update-target';
import { deleteTarget } from './delete-target';
import { getTarget, listTargets } from './list-targets';
import { testTargetConnection } from './test-target-connection';
import { openTargetPassword } from './target-secret';

const { db } = setupTestDb();
const real = setupTargetDatabase();

const input = (overrides: Record<string, unknown> = {}) => ({
  name: uniqueName('t'),
  host: real.host,
  port: real.port,
  database: real.database,
  username: real.username,
  password: real.password,
  tlsMode: 'disable' as const,
  ...overrides,
});

describe('targets', () => {
  it('stores only ciphertext bound to the row, and never returns the secret', async () => {
    const admin = await makeActor(db, 'admin');
    const created = await createTarget(db, { actor: admin, input: input() });
    expect(JSON.stringify(created)).not.toContain(real.password);
    expect(JSON.stringify(await listTargets(db, { actor: admin }))).not.toContain(real.password);
    const [row] = await db.select().from(targets).where(eq(targets.id, created.id));
    expect(row!.passwordCiphertext).not.toContain(real.password);
    expect(openTargetPassword(created.id, row!.passwordCiphertext)).toBe(real.password);
    expect(() => openTargetPassword(crypto.randomUUID(), row!.passwordCiphertext)).toThrow();
  });

  it('leaves no plaintext secret in a dump of the store', async () => {
    const admin = await makeActor(db, 'admin');
    const secret = `dump-probe-${uniqueName('pw')}`;
    await createTarget(db, { actor: admin, input: input({ password: secret }) });
    const dump = execFileSync('pg_dump', ['--data-only', getEnv().DATABASE_URL], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(dump).toContain('password_ciphertext');
    expect(dump).not.toContain(secret);
  });

  it('tests the connection with the stored credentials', async () => {
    const admin = await makeActor(db, 'admin');
    const ok = await createTarget(db, { actor: admin, input: input() });
    const result = await testTargetConnection(db, { actor: admin, idOrName: ok.name });
    expect(result).toMatchObject({ ok: true, serverVersion: expect.stringMatching(/^\d+/) });
    const dead = await createTarget(db, { actor: admin, input: input({ port: 1 }) });
    const failure = await testTargetConnection(db, { actor: admin, idOrName: dead.id, timeoutSeconds: 2 });
    expect(failure).toMatchObject({ ok: false, error: expect.stringContaining('ECONNREFUSED') });
  });

  it('refuses bad input with field errors and writes nothing', async () => {
    const admin = await makeActor(db, 'admin');
    const before = await db.$count(targets);
    await expect(createTarget(db, { actor: admin, input: input({ name: 'Bad Name!' }) })).rejects.toMatchObject({ fieldErrors: { name: expect.any(Array) } });
    await expect(createTarget(db, { actor: admin, input: input({ port: 70000 }) })).rejects.toMatchObject({ fieldErrors: { port: ['Port must be 1-65535'] } });
    await expect(createTarget(db, { actor: admin, input: input({ host: 'http://x' }) })).rejects.toMatchObject({ fieldErrors: { host: expect.any(Array) } });
    await expect(createTarget(db, { actor: admin, input: input({ password: '' }) })).rejects.toMatchObject({ fieldErrors: { password: ['Password is required'] } });
    await expect(createTarget(db, { actor: admin, input: input({ tlsMode: 'maybe' }) })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await db.$count(targets)).toBe(before);
  });

  it("refuses the portal's own store and the gateway's own port", async () => {
    const admin = await makeActor(db, 'admin');
    const store = new URL(getEnv().DATABASE_URL);
    const own = input({ host: 'localhost', port: Number(store.port || 5432), database: store.pathname.slice(1) });
    await expect(createTarget(db, { actor: admin, input: own })).rejects.toThrow(/Gatehouse's own store/);
    await expect(createTarget(db, { actor: admin, input: input({ host: '127.0.0.1', port: getEnv().GATEWAY_PG_PORT }) })).rejects.toThrow(/gateway itself/);
    const ok = await createTarget(db, { actor: admin, input: input() });
    await expect(updateTarget(db, { actor: admin, idOrName: ok.id, input: { database: store.pathname.slice(1) } })).rejects.toThrow(/own store/);
  });

  it('refuses duplicate names', async () => {
    const admin = await makeActor(db, 'admin');
    const first = await createTarget(db, { actor: admin, input: input() });
    await expect(createTarget(db, { actor: admin, input: input({ name: first.name }) })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('keeps the stored password on an update without one, and re-seals a new one', async () => {
    const admin = await makeActor(db, 'admin');
    const t = await createTarget(db, { actor: admin, input: input() });
    await updateTarget(db, { actor: admin, idOrName: t.name, input: { port: real.port, password: '' } });
    let [row] = await db.select().from(targets).where(eq(targets.id, t.id));
    expect(openTargetPassword(t.id, row!.passwordCiphertext)).toBe(real.password);
    await updateTarget(db, { actor: admin, idOrName: t.name, input: { password: 'rotated-password' } });
    [row] = await db.select().from(targets).where(eq(targets.id, t.id));
    expect(openTargetPassword(t.id, row!.passwordCiphertext)).toBe('rotated-password');
  });

  it('lets only admins write or test; others may read', async () => {
    const admin = await makeActor(db, 'admin');
    const user = await makeActor(db, 'user');
    const t = await createTarget(db, { actor: admin, input: input() });
    await expect(createTarget(db, { actor: user, input: input() })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(updateTarget(db, { actor: user, idOrName: t.id, input: { port: 1 } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(deleteTarget(db, { actor: user, idOrName: t.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(testTargetConnection(db, { actor: user, idOrName: t.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await getTarget(db, { actor: user, idOrName: t.name })).id).toBe(t.id);
    await deleteTarget(db, { actor: admin, idOrName: t.id });
    await expect(getTarget(db, { actor: admin, idOrName: t.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
