import { z } from 'zod';
import { TLS_MODES } from '../db/schema';

const HOST = /^[A-Za-z0-9.-]{1,253}$|^\[?[0-9A-Fa-f:]+\]?$/;

export const targetNameSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'Use 1-63 lower-case letters, digits, - or _, starting with a letter or digit');

const fields = {
  name: targetNameSchema,
  host: z.string().trim().regex(HOST, 'Enter a host name or IP address, without scheme or port'),
  port: z.coerce.number('Port must be a number').int('Port must be a whole number').min(1, 'Port must be 1-65535').max(65535, 'Port must be 1-65535'),
  database: z.string().trim().min(1, 'Database is required').max(63, 'Database names are at most 63 characters'),
  username: z.string().trim().min(1, 'Username is required').max(63, 'User names are at most 63 characters'),
  password: z.string().max(1000, 'Password is too long'),
  tlsMode: z.enum(TLS_MODES, 'TLS mode must be disable, require or verify-full'),
};

export const createTargetSchema = z.object({
  ...fields,
  password: fields.password.min(1, 'Password is required'),
  tlsMode: fields.tlsMode.default('require'),
});
export type CreateTargetInput = z.input<typeof createTargetSchema>;

/** On update, an absent or empty password keeps the stored one. */
export const updateTargetSchema = z.object({
  name: fields.name.optional(),
  host: fields.host.optional(),
  port: fields.port.optional(),
  database: fields.database.optional(),
  username: fields.username.optional(),
  password: fields.password.optional(),
  tlsMode: fields.tlsMode.optional(),
});
export type UpdateTargetInput = z.input<typeof updateTargetSchema>;

/** postgres://user:password@host:port/database?sslmode=... as used by the CLI. */
export function targetFieldsFromUrl(url: string): Omit<CreateTargetInput, 'name'> {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`Not a URL: expected postgres://user:password@host:port/database`);
  }
  if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:') {
    throw new Error(`Unsupported scheme ${u.protocol} - expected postgres://user:password@host:port/database`);
  }
  const sslmode = u.searchParams.get('sslmode');
  return {
    host: u.hostname.replace(/^\[|\]$/g, ''),
    port: u.port ? Number(u.port) : 5432,
    database: decodeURIComponent(u.pathname.replace(/^\//, '')),
    username: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    tlsMode: sslmode === 'disable' ? 'disable' : sslmode === 'verify-full' ? 'verify-full' : 'require',
  };
}
