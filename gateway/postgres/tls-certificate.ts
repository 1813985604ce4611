import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export type TlsMaterial = { cert: Buffer; key: Buffer; generated: boolean; certPath: string };

/**
 * The gateway's TLS certificate: the configured pair, or a self-signed one generated once into
 * `dir` (kept across restarts so clients that pinned it keep working).
 */
export async function loadTlsMaterial(options: { certPath?: string; keyPath?: string; dir: string }): Promise<TlsMaterial> {
  if (options.certPath && options.keyPath) {
    return { cert: readFileSync(options.certPath), key: readFileSync(options.keyPath), generated: false, certPath: options.certPath };
  }
  const certPath = path.resolve(options.dir, 'gateway.crt');
  const keyPath = path.resolve(options.dir, 'gateway.key');
  if (!existsSync(certPath) || !existsSync(keyPath)) {
    mkdirSync(path.dirname(certPath), { recursive: true, mode: 0o700 });
    await run('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
      '-keyout', keyPath, '-out', certPath, '-days', '825', '-subj', '/CN=gatehouse-gateway',
      '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1',
    ]).catch((e: Error) => {
      throw new Error(`Could not generate the gateway's self-signed TLS certificate with openssl (${e.message}); set GATEWAY_TLS_CERT and GATEWAY_TLS_KEY`);
    });
    return { cert: readFileSync(certPath), key: readFileSync(keyPath), generated: true, certPath };
  }
  return { cert: readFileSync(certPath), key: readFileSync(keyPath), generated: false, certPath };
}
