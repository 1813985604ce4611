import postgres from 'postgres';
import type { Db } from '../db/client';
import type { TargetRow } from '../db/schema';
import { assertRole, type Actor } from '../auth/actor';
import { getTargetRow } from './get-target';
import { openTargetPassword } from './target-secret';

export type ConnectionTestResult = { ok: true; serverVersion: string; latencyMs: number } | { ok: false; error: string };

const SSL: Record<TargetRow['tlsMode'], postgres.Options<{}>['ssl']> = {
  disable: false,
  require: 'require',
  'verify-full': 'verify-full',
};

/** Opens one connection with the stored credentials and runs a trivial query. The password never leaves this function. */
export async function testTargetConnection(
  db: Db,
  options: { actor: Actor; idOrName: string; timeoutSeconds?: number },
): Promise<ConnectionTestResult> {
  assertRole(options.actor, ['admin']);
  const target = await getTargetRow(db, options.idOrName);
  let password: string;
  try {
    password = openTargetPassword(target.id, target.passwordCiphertext);
  } catch {
    return { ok: false, error: 'the stored password cannot be decrypted with the current GATEHOUSE_MASTER_KEY' };
  }
  const started = performance.now();
  const client = postgres({
    host: target.host,
    port: target.port,
    database: target.database,
    username: target.username,
    password,
    ssl: SSL[target.tlsMode],
    max: 1,
    connect_timeout: options.timeoutSeconds ?? 5,
    idle_timeout: 1,
    onnotice: () => {},
  });
  try {
    const [row] = await client`select current_setting('server_version') as version`;
    return { ok: true, serverVersion: String(row?.version), latencyMs: Math.round(performance.now() - started) };
  } catch (e) {
    return { ok: false, error: describeFailure(e, password) };
  } finally {
    await client.end({ timeout: 1 }).catch(() => {});
  }
}

function describeFailure(e: unknown, password: string): string {
  const message = e instanceof Error ? e.message : String(e);
  const code = (e as { code?: string }).code;
  const text = code && !message.includes(code) ? `${code}: ${message}` : message;
  return password ? text.split(password).join('***') : text;
}
