import type postgres from 'postgres';

export const DEFAULT_APP_ROLE = 'gatehouse_app';

/** Tables whose rows are evidence: the application's role may add and read them, never change or remove them. */
const APPEND_ONLY_TABLES = ['audit_events', 'statements', 'statement_outcomes'] as const;

/**
 * The URL the portal, gateway and CLI use at run time: DATABASE_APP_URL, or DATABASE_URL with the
 * user replaced by the application role (no password: set DATABASE_APP_URL where the server asks for one).
 */
export function appDatabaseUrl(databaseUrl: string, appUrl: string | undefined): string {
  if (appUrl) return appUrl;
  const u = new URL(databaseUrl);
  u.username = DEFAULT_APP_ROLE;
  u.password = '';
  return u.toString();
}

export function appRoleName(appUrl: string): string {
  const name = decodeURIComponent(new URL(appUrl).username);
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) {
    throw new Error(`DATABASE_APP_URL names the role "${name}": use lower-case letters, digits and _ only`);
  }
  return name;
}

/**
 * Creates the application role when it is missing and gives it exactly what it needs: all rows of
 * the ordinary tables; only INSERT and SELECT on the audit tables; on gateway_sessions only the
 * columns that end a session; and the retention function. Run by migrate as the owner; idempotent.
 */
export async function grantAppRole(sql: postgres.Sql, role: string): Promise<void> {
  const exists = await sql`select 1 from pg_roles where rolname = ${role}`;
  if (exists.length === 0) {
    await sql.unsafe(`create role "${role}" login`).catch((e: { code?: string }) => {
      // Another process (a parallel test run) created it first: the same outcome.
      if (e.code !== '42710' && e.code !== '23505') throw new Error(`cannot create the database role ${role} (${String(e)}); create it yourself or set DATABASE_APP_URL`);
    });
  }
  const database = (await sql`select current_database() as name`)[0]!.name as string;
  await sql.unsafe(`
    grant connect on database "${database}" to "${role}";
    grant usage on schema public to "${role}";
    grant select, insert, update, delete on all tables in schema public to "${role}";
    grant usage, select on all sequences in schema public to "${role}";
    revoke update, delete, truncate on ${APPEND_ONLY_TABLES.join(', ')} from "${role}";
    revoke update, delete, truncate on gateway_sessions from "${role}";
    grant update (ended_at, end_reason) on gateway_sessions to "${role}";
    revoke all on schema drizzle from "${role}";
    grant execute on function gatehouse_purge_expired_recordings(integer) to "${role}";
  `);
}
