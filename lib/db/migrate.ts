import path from 'node:path';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import { createDb } from './client';
import { ensureDatabase } from './ensure-database';
import { appDatabaseUrl, appRoleName, grantAppRole } from './app-role';

export const MIGRATIONS_FOLDER = path.join(process.cwd(), 'drizzle');

/**
 * Creates the database if needed, applies every migration in drizzle/ as the owner (DATABASE_URL)
 * and grants the application role its share. Idempotent.
 */
export async function migrateDatabase(url: string, appUrl = appDatabaseUrl(url, process.env.DATABASE_APP_URL)): Promise<{ created: boolean }> {
  const result = await ensureDatabase(url);
  const { db, sql } = createDb(url, { max: 1 });
  try {
    await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    await grantAppRole(sql, appRoleName(appUrl));
  } finally {
    await sql.end({ timeout: 5 });
  }
  return result;
}
