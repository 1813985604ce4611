import { z } from 'zod';
import { getEnv } from '../env';

export const DEMO_DATABASE_NAME = 'gatehouse_demo';

/**
 * Where the demo data lives: DEMO_DATABASE_URL, or by default the store's server with the database
 * gatehouse_demo. The URL's user must be allowed to create databases and roles.
 */
export function demoDatabaseUrl(env: Record<string, string | undefined> = process.env): { url: string; variable: string } {
  if (env.DEMO_DATABASE_URL) {
    const parsed = z.url().safeParse(env.DEMO_DATABASE_URL);
    if (!parsed.success) throw new Error('DEMO_DATABASE_URL must be a postgres:// URL');
    return { url: parsed.data, variable: 'DEMO_DATABASE_URL' };
  }
  const url = new URL(getEnv().DATABASE_URL);
  url.pathname = `/${DEMO_DATABASE_NAME}`;
  return { url: url.toString(), variable: 'DATABASE_URL' };
}
