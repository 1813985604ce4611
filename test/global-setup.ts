import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { migrateDatabase } from '../lib/db/migrate';
import { dropDatabase } from '../lib/db/ensure-database';
import { assertLocalDatabaseUrl } from './local-url';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    redisPrefix: string;
    masterKey: string;
  }
}

/** One throwaway database and Redis prefix per run; dropped at the end whatever the outcome. */
export default async function setup(project: TestProject) {
  const suffix = `${process.pid}_${randomBytes(3).toString('hex')}`;
  const base = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  assertLocalDatabaseUrl(base.toString());
  base.pathname = `/gatehouse_test_${suffix}`;
  const databaseUrl = base.toString();
  await migrateDatabase(databaseUrl);
  project.provide('databaseUrl', databaseUrl);
  project.provide('redisPrefix', `gatehouse_test_${suffix}`);
  project.provide('masterKey', randomBytes(32).toString('base64'));
  return async () => {
    await dropDatabase(databaseUrl);
  };
}
