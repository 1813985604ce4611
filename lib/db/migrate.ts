import path from 'node:path';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import { createDb } from './client';
import { ensureDatabase } from './ensure-database';

export const MIGRATIONS_FOLDER = path.join(process.cwd(), 'drizzle');

/** Creates the database if needed and applies every migration in drizzle/. Idempotent. */
export async function migrateDatabase(url: string): Promise<{ created: boolean }> {
  const result = await ensureDatabase(url);
  const { db, sql } = createDb(url, { max: 1 });
  try {
    await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await sql.end({ timeout: 5 });
  }
  return result;
}
