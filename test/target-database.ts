import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import postgres from 'postgres';
import { getEnv } from '../lib/env';
import { dropDatabase, ensureDatabase, maintenanceUrl } from '../lib/db/ensure-database';

/** A real database (and login role with a password) for tests to register as a target; dropped afterwards. */
export function useTargetDatabase() {
  const suffix = randomBytes(4).toString('hex');
  const store = new URL(getEnv().DATABASE_URL);
  const url = new URL(store);
  url.pathname = `/gatehouse_target_${suffix}`;
  const info = {
    host: store.hostname,
    port: Number(store.port || 5432),
    database: `gatehouse_target_${suffix}`,
    username: `gh_target_${suffix}`,
    password: `s3cret-${randomBytes(12).toString('hex')}`,
  };
  beforeAll(async () => {
    await ensureDatabase(url.toString());
    const admin = postgres(maintenanceUrl(url.toString()), { max: 1, onnotice: () => {} });
    await admin.unsafe(`create role "${info.username}" login password '${info.password}'`);
    await admin.end();
  });
  afterAll(async () => {
    await dropDatabase(url.toString());
    const admin = postgres(maintenanceUrl(url.toString()), { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop role if exists "${info.username}"`);
    await admin.end();
  });
  return info;
}
