import postgres from 'postgres';

/** One line naming the variable and the fix, for a store that cannot be reached. */
export function describeConnectError(url: string, error: unknown, variable = 'DATABASE_URL'): string {
  const u = new URL(url);
  const reason = error instanceof Error ? ((error as { code?: string }).code ?? error.message) : String(error);
  return `Cannot reach PostgreSQL at ${u.hostname}:${u.port || 5432} (${variable}): ${reason}. Start PostgreSQL (on Debian: pg_ctlcluster 15 main start) or set ${variable} to a reachable server.`;
}

function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_-]{1,63}$/.test(name)) {
    throw new Error(`DATABASE_URL names the database "${name}": use letters, digits, _ or - only`);
  }
  return name;
}

export function maintenanceUrl(url: string): string {
  const u = new URL(url);
  u.pathname = '/postgres';
  return u.toString();
}

/** Creates the database named by the URL when it is missing; throws a one-line error when the server is unreachable. */
export async function ensureDatabase(url: string, variable = 'DATABASE_URL'): Promise<{ created: boolean }> {
  const name = databaseName(url);
  const admin = postgres(maintenanceUrl(url), { max: 1, connect_timeout: 5, onnotice: () => {} });
  try {
    const rows = await admin`select 1 from pg_database where datname = ${name}`.catch((e: unknown) => {
      throw new Error(describeConnectError(url, e, variable));
    });
    if (rows.length > 0) return { created: false };
    await admin.unsafe(`create database "${name}"`);
    return { created: true };
  } finally {
    await admin.end({ timeout: 5 });
  }
}

export async function dropDatabase(url: string): Promise<void> {
  const name = databaseName(url);
  const admin = postgres(maintenanceUrl(url), { max: 1, connect_timeout: 5, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
  } finally {
    await admin.end({ timeout: 5 });
  }
}
