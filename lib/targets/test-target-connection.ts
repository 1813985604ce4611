import type { Db } from '../db/client';
import { assertRole, type Actor } from '../auth/actor';
import { getTargetRow } from './get-target';
import { connectTarget, describeTargetFailure, TargetCredentialsError } from './connect-target';

export type ConnectionTestResult = { ok: true; serverVersion: string; latencyMs: number } | { ok: false; error: string };

/** Opens one connection with the stored credentials and runs a trivial query. The password never leaves this function. */
export async function testTargetConnection(
  db: Db,
  options: { actor: Actor; idOrName: string; timeoutSeconds?: number },
): Promise<ConnectionTestResult> {
  assertRole(options.actor, ['admin']);
  const target = await getTargetRow(db, options.idOrName);
  const started = performance.now();
  let connection: ReturnType<typeof connectTarget>;
  try {
    connection = connectTarget(target, { timeoutSeconds: options.timeoutSeconds });
  } catch (e) {
    if (e instanceof TargetCredentialsError) return { ok: false, error: e.message };
    throw e;
  }
  const { client, password } = connection;
  try {
    const [row] = await client`select current_setting('server_version') as version`;
    return { ok: true, serverVersion: String(row?.version), latencyMs: Math.round(performance.now() - started) };
  } catch (e) {
    return { ok: false, error: describeTargetFailure(e, password) };
  } finally {
    await client.end({ timeout: 1 }).catch(() => {});
  }
}
