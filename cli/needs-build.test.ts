import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { whyBuild } from './needs-build';

let root: string;
const at = (file: string, seconds: number) => {
  const full = path.join(root, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, '');
  utimesSync(full, seconds, seconds);
};

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'gatehouse-build-'));
  at('app/page.tsx', 100);
  at('package.json', 100);
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('whyBuild', () => {
  it('asks for a build when there is none', () => {
    expect(whyBuild(root)).toBe('no build yet');
  });

  it('is satisfied when the build is newer than every source', () => {
    at('.next/BUILD_ID', 200);
    expect(whyBuild(root)).toBeNull();
  });

  it('names a source changed since the build, however deep', () => {
    at('.next/BUILD_ID', 200);
    at('components/ui/button.tsx', 300);
    expect(whyBuild(root)).toBe(`${path.join('components', 'ui', 'button.tsx')} changed since the last build`);
  });

  it('ignores tests and files outside the portal sources', () => {
    at('.next/BUILD_ID', 200);
    at('lib/demo/luhn.test.ts', 300);
    at('e2e/sign-in.spec.ts', 300);
    at('cli/main.ts', 300);
    expect(whyBuild(root)).toBeNull();
  });
});
