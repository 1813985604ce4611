import postgres from 'postgres';
import { dropDatabase, maintenanceUrl } from '../db/ensure-database';

/**
 * Drops a demo database and the login role named after it (see ensureDemoDatabase); for test runs
 * that create their own demo database, so roles do not pile up on the server. Roles are
 * server-wide, hence the separate statement after the database is gone.
 */
export async function dropDemoDatabase(url: string): Promise<void> {
  await dropDatabase(url);
  const role = decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = postgres(maintenanceUrl(url), { max: 1, connect_timeout: 5, onnotice: () => {} });
  try {
    await admin.unsafe(`drop role if exists "${role.replaceAll('"', '""')}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }
}
