import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** What the portal build is made of; tests and the CLI itself are not. */
const SOURCES = [
  'app',
  'components',
  'lib',
  'gateway',
  'public',
  'instrumentation.ts',
  'proxy.ts',
  'next.config.ts',
  'postcss.config.mjs',
  'tsconfig.json',
  'package.json',
  'package-lock.json',
];

const IS_TEST = /\.test\.[cm]?[jt]sx?$/;

/** Why the portal needs a (re)build, or null when .next/BUILD_ID is newer than every source. */
export function whyBuild(root = process.cwd()): string | null {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return 'no build yet';
  const builtAt = statSync(buildId).mtimeMs;
  for (const source of SOURCES) {
    const newer = findNewer(path.join(root, source), builtAt);
    if (newer) return `${path.relative(root, newer)} changed since the last build`;
  }
  return null;
}

function findNewer(file: string, since: number): string | null {
  if (!existsSync(file)) return null;
  const stat = statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs > since && !IS_TEST.test(file) ? file : null;
  for (const entry of readdirSync(file, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const newer = findNewer(path.join(file, entry.name), since);
    if (newer) return newer;
  }
  return null;
}
