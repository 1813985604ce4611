import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { dropDatabase, ensureDatabase, maintenanceUrl } from '../lib/db/ensure-database';

export type ScratchTarget = {
  url: string;
  host: string;
  port: number;
  database: string;
  username: string;
  password: string;
  /** Runs SQL as the database owner and grants the target's role what it needs on the result. */
  seed: (sql: string) => Promise<void>;
};

/** A real database with its own login role and password, on the same server as `serverUrl`, for use as a target. */
export async function createScratchTarget(serverUrl: string): Promise<ScratchTarget> {
  const suffix = randomBytes(4).toString('hex');
  const url = new URL(serverUrl);
  url.pathname = `/gatehouse_target_${suffix}`;
  const target: ScratchTarget = {
    seed: async (sql) => {
      const owner = postgres(url.toString(), { max: 1, onnotice: () => {} });
      try {
        await owner.unsafe(sql);
        await owner.unsafe(`grant all on all tables in schema public to "${target.username}"`);
      } finally {
        await owner.end();
      }
    },
    url: url.toString(),
    host: url.hostname,
    port: Number(url.port || 5432),
    database: `gatehouse_target_${suffix}`,
    username: `gh_target_${suffix}`,
    password: `s3cret-${randomBytes(12).toString('hex')}`,
  };
  await ensureDatabase(target.url);
  await withAdmin(target.url, (sql) => sql.unsafe(`create role "${target.username}" login password '${target.password}'`));
  return target;
}

export async function dropScratchTarget(target: ScratchTarget): Promise<void> {
  await dropDatabase(target.url);
  await withAdmin(target.url, (sql) => sql.unsafe(`drop role if exists "${target.username}"`));
}

async function withAdmin(url: string, run: (sql: postgres.Sql) => Promise<unknown>): Promise<void> {
  const sql = postgres(maintenanceUrl(url), { max: 1, onnotice: () => {} });
  try {
    await run(sql);
  } finally {
    await sql.end();
  }
}
