import { drizzle, type PostgresJsQueryResultHKT } from 'drizzle-orm/postgres-js';
import type { PgDatabase } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import { getEnv } from '../env';
import * as schema from './schema';
import { appDatabaseUrl } from './app-role';

/** The client or a transaction on it: query functions accept either. */
export type Db = PgDatabase<PostgresJsQueryResultHKT, typeof schema>;

type Handle = { db: Db; sql: postgres.Sql };

const globalForDb = globalThis as unknown as { gatehouseDb?: Handle };

export function createDb(url: string, options: { max?: number } = {}): Handle {
  // Reconnect within 2 s of the store coming back (the default backoff grows to 20 s): the gateway's
  // re-checks and the audit writer's probe must notice a recovered store quickly.
  const sql = postgres(url, { max: options.max ?? 10, onnotice: () => {}, connect_timeout: 5, backoff: (attempt) => Math.min(0.25 * 2 ** attempt, 2) });
  return { db: drizzle(sql, { schema }), sql };
}

/**
 * The process-wide client, connected as the application role (lib/db/app-role.ts), which cannot
 * change or remove audit rows; kept on globalThis so Next's module reloading does not open new pools.
 */
export function getDb(): Db {
  const env = getEnv();
  if (!globalForDb.gatehouseDb) globalForDb.gatehouseDb = createDb(appDatabaseUrl(env.DATABASE_URL, env.DATABASE_APP_URL));
  return globalForDb.gatehouseDb.db;
}

/** The raw postgres.js client under getDb(), for hot paths where a query builder costs too much. */
export function getSqlClient(): postgres.Sql {
  getDb();
  return globalForDb.gatehouseDb!.sql;
}

export async function closeDb(): Promise<void> {
  const handle = globalForDb.gatehouseDb;
  globalForDb.gatehouseDb = undefined;
  await handle?.sql.end({ timeout: 5 });
}
