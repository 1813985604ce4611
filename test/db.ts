import { randomBytes } from 'node:crypto';
import { afterAll } from 'vitest';
import { createDb } from '../lib/db/client';
import { getEnv } from '../lib/env';

/** A client on the run's database, closed after the file's tests. */
export function setupTestDb() {
  const handle = createDb(getEnv().DATABASE_URL, { max: 4 });
  afterAll(() => handle.sql.end({ timeout: 5 }));
  return handle;
}

export function uniqueName(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}
