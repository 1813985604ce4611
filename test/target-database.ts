import { afterAll, beforeAll } from 'vitest';
import { getEnv } from '../lib/env';
import { createScratchTarget, dropScratchTarget, type ScratchTarget } from './scratch-target';

/** A real target database for the file's tests; the returned object is filled in before the first test. */
export function setupTargetDatabase(): ScratchTarget {
  const info = {} as ScratchTarget;
  beforeAll(async () => {
    Object.assign(info, await createScratchTarget(getEnv().DATABASE_URL));
  });
  afterAll(() => dropScratchTarget(info));
  return info;
}
