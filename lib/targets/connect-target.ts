import postgres from 'postgres';
import type { TargetRow } from '../db/schema';
import { openTargetPassword } from './target-secret';

const SSL: Record<TargetRow['tlsMode'], postgres.Options<{}>['ssl']> = {
  disable: false,
  require: 'require',
  'verify-full': 'verify-full',
};

export class TargetCredentialsError extends Error {
  constructor() {
    super('the stored password cannot be decrypted with the current GATEHOUSE_MASTER_KEY');
    this.name = 'TargetCredentialsError';
  }
}

/**
 * A short-lived client on the target with its stored credentials, for the portal and the gateway's
 * own look-ups (connection test, schema browser, masking catalog, preview). The password stays here.
 */
export function connectTarget(target: TargetRow, options: { timeoutSeconds?: number; max?: number } = {}): { client: postgres.Sql; password: string } {
  let password: string;
  try {
    password = openTargetPassword(target.id, target.passwordCiphertext);
  } catch {
    throw new TargetCredentialsError();
  }
  const client = postgres({
    host: target.host,
    port: target.port,
    database: target.database,
    username: target.username,
    password,
    ssl: SSL[target.tlsMode],
    max: options.max ?? 1,
    connect_timeout: options.timeoutSeconds ?? 5,
    idle_timeout: 1,
    onnotice: () => {},
  });
  return { client, password };
}

/** The driver's message, with the password cut out should a server or driver ever echo it. */
export function describeTargetFailure(e: unknown, password: string): string {
  const message = e instanceof Error ? e.message : String(e);
  const code = (e as { code?: string }).code;
  const text = code && !message.includes(code) ? `${code}: ${message}` : message;
  return password ? text.split(password).join('***') : text;
}
