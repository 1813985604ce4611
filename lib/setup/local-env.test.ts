import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureLocalSecrets, loadLocalEnv, localEnvPath } from './local-env';

type EnvVars = Record<string, string | undefined>;

let dir: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'gatehouse-env-'));
  file = path.join(dir, '.env.local');
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  delete process.env.GH_TEST_FROM_FILE;
  delete process.env.GH_TEST_PRESET;
});

describe('localEnvPath', () => {
  it('defaults to .env.local in the working directory and honours GATEHOUSE_ENV_FILE', () => {
    expect(localEnvPath({})).toBe(path.resolve('.env.local'));
    expect(localEnvPath({ GATEHOUSE_ENV_FILE: file })).toBe(file);
  });
});

describe('loadLocalEnv', () => {
  it('loads the file without overriding variables already set', () => {
    writeFileSync(file, 'GH_TEST_FROM_FILE=file\nGH_TEST_PRESET=file\n');
    process.env.GH_TEST_PRESET = 'preset';
    expect(loadLocalEnv(file)).toBe(true);
    expect(process.env.GH_TEST_FROM_FILE).toBe('file');
    expect(process.env.GH_TEST_PRESET).toBe('preset');
  });

  it('does nothing when the file is missing', () => {
    expect(loadLocalEnv(file)).toBe(false);
  });
});

describe('ensureLocalSecrets', () => {
  it('generates both secrets into a new 0600 file, sets them and warns', () => {
    const env: EnvVars = {};
    const warnings: string[] = [];
    expect(ensureLocalSecrets({ file, env, warn: (m) => warnings.push(m) })).toEqual(['GATEHOUSE_MASTER_KEY', 'NEXTAUTH_SECRET']);

    expect(Buffer.from(env.GATEHOUSE_MASTER_KEY!, 'base64')).toHaveLength(32);
    expect(env.NEXTAUTH_SECRET!.length).toBeGreaterThanOrEqual(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines).toEqual([`GATEHOUSE_MASTER_KEY=${env.GATEHOUSE_MASTER_KEY}`, `NEXTAUTH_SECRET=${env.NEXTAUTH_SECRET}`]);

    const text = warnings.join('\n');
    expect(text).toContain(file);
    expect(text).toContain('unreadable');
    expect(text).toContain('production');
  });

  it('appends only what is missing, after existing content without a final newline', () => {
    writeFileSync(file, 'PORT=3300', { mode: 0o644 });
    const env: EnvVars = { GATEHOUSE_MASTER_KEY: Buffer.alloc(32, 1).toString('base64') };
    expect(ensureLocalSecrets({ file, env, warn: () => {} })).toEqual(['NEXTAUTH_SECRET']);
    expect(readFileSync(file, 'utf8')).toBe(`PORT=3300\nNEXTAUTH_SECRET=${env.NEXTAUTH_SECRET}\n`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('treats an empty value as absent', () => {
    const env: EnvVars = { GATEHOUSE_MASTER_KEY: '', NEXTAUTH_SECRET: 'x'.repeat(40) };
    expect(ensureLocalSecrets({ file, env, warn: () => {} })).toEqual(['GATEHOUSE_MASTER_KEY']);
  });

  it('changes nothing and stays quiet when both are set', () => {
    const env: EnvVars = { GATEHOUSE_MASTER_KEY: 'k', NEXTAUTH_SECRET: 's' };
    const warnings: string[] = [];
    expect(ensureLocalSecrets({ file, env, warn: (m) => warnings.push(m) })).toEqual([]);
    expect(warnings).toEqual([]);
    expect(() => statSync(file)).toThrow();
  });

  it('writes values that loadLocalEnv reads back on the next start', () => {
    const env: EnvVars = {};
    ensureLocalSecrets({ file, env, warn: () => {} });
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll('GATEHOUSE_MASTER_KEY', 'GH_TEST_FROM_FILE'));
    loadLocalEnv(file);
    expect(process.env.GH_TEST_FROM_FILE).toBe(env.GATEHOUSE_MASTER_KEY);
  });
});
