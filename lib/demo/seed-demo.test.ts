import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../db/client';
import { dropDatabase } from '../db/ensure-database';
import { migrateDatabase } from '../db/migrate';
import { getEnv } from '../env';
import { openTargetPassword } from '../targets/target-secret';
import { verifyCredentials } from '../users/verify-credentials';
import { seedDemo } from './seed-demo';
import { getTargetMaskingRules } from '../masking/replace-target-masking';

// seedDemo only acts on a store without users, so it gets a store of its own, not the run's.
const url = new URL(getEnv().DATABASE_URL);
url.pathname = `/gatehouse_seed_test_${randomBytes(4).toString('hex')}`;
let handle: ReturnType<typeof createDb>;

beforeAll(async () => {
  await migrateDatabase(url.toString());
  handle = createDb(url.toString(), { max: 2 });
});

afterAll(async () => {
  await handle.sql.end({ timeout: 5 });
  await dropDatabase(url.toString());
});

const demoDatabase = async () => ({ host: 'demo.example', port: 5432, database: 'demo_db', username: 'demo_role', password: 'demo-password' });

describe('seedDemo', () => {
  it('creates one person per role and the demo target in an empty store, once', async () => {
    const credentials = await seedDemo(handle.db, { demoDatabase });
    expect(credentials?.users.map((u) => [u.email, u.role])).toEqual([
      ['admin@gatehouse.local', 'admin'],
      ['approver@gatehouse.local', 'approver'],
      ['auditor@gatehouse.local', 'auditor'],
      ['user@gatehouse.local', 'user'],
    ]);
    for (const u of credentials!.users) {
      expect(await verifyCredentials(handle.db, u.email, u.password)).toMatchObject({ email: u.email, role: u.role });
    }
    expect(credentials!.target).toEqual({ name: 'demo', host: 'demo.example', port: 5432, database: 'demo_db' });

    const [target] = await handle.sql`select id, username, tls_mode, password_ciphertext from targets where name = 'demo'`;
    expect(target).toMatchObject({ username: 'demo_role', tls_mode: 'disable' });
    expect(openTargetPassword(target!.id, target!.password_ciphertext)).toBe('demo-password');

    const masking = await getTargetMaskingRules(handle.db, target!.id);
    const columns = masking.flatMap((r) => (r.match.type === 'column' ? [r.match.column] : []));
    expect(columns.sort()).toEqual(['public.customers.card_number', 'public.customers.email', 'public.customers.national_id', 'public.customers.phone']);
    expect(masking.filter((r) => r.match.type === 'detector' && r.enabled)).toHaveLength(7);

    expect(await seedDemo(handle.db, { demoDatabase })).toBeNull();
  });
});
