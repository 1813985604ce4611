import { randomBytes } from 'node:crypto';
import { appendFileSync, chmodSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

type EnvVars = Record<string, string | undefined>;

/** `.env.local` at the repo root (the CLI runs from there), or GATEHOUSE_ENV_FILE. */
export function localEnvPath(env: EnvVars = process.env): string {
  return path.resolve(env.GATEHOUSE_ENV_FILE || '.env.local');
}

/** Loads the local env file when it exists; variables already set in the environment win. */
export function loadLocalEnv(file = localEnvPath()): boolean {
  if (!existsSync(file)) return false;
  process.loadEnvFile(file);
  return true;
}

const GENERATORS = {
  GATEHOUSE_MASTER_KEY: () => randomBytes(32).toString('base64'),
  NEXTAUTH_SECRET: () => randomBytes(32).toString('base64url'),
} as const;

type SecretName = keyof typeof GENERATORS;

/**
 * A first local start should just work, so missing secrets are generated and kept in the local env
 * file, where the next start (and `next start`, which reads .env.local too) finds them. Losing the
 * master key makes every stored target password unreadable, hence the warning.
 */
export function ensureLocalSecrets(
  options: { file?: string; env?: EnvVars; warn?: (message: string) => void } = {},
): SecretName[] {
  const env = options.env ?? process.env;
  const file = options.file ?? localEnvPath(env);
  const warn = options.warn ?? ((message: string) => process.stderr.write(`${message}\n`));
  const missing = (Object.keys(GENERATORS) as SecretName[]).filter((name) => !env[name]);
  if (missing.length === 0) return [];

  const lines = missing.map((name) => {
    env[name] = GENERATORS[name]();
    return `${name}=${env[name]}\n`;
  });
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const separator = current && !current.endsWith('\n') ? '\n' : '';
  appendFileSync(file, separator + lines.join(''), { mode: 0o600 });
  chmodSync(file, 0o600);

  warn(`warning: generated ${missing.join(' and ')} into ${file}.`);
  if (missing.includes('GATEHOUSE_MASTER_KEY')) {
    warn('warning: keep that file: losing GATEHOUSE_MASTER_KEY makes the stored target passwords unreadable.');
  }
  warn('warning: in production, set GATEHOUSE_MASTER_KEY and NEXTAUTH_SECRET explicitly instead.');
  return missing;
}
