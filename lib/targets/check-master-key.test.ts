import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { setupTestDb, uniqueName } from '@/test/db';
import { CLI_ACTOR } from '@/lib/auth/actor';
import { resetEnvForTests } from '@/lib/env';
import { createTarget } from './create-target';
import { assertMasterKeyOpensTargets } from './check-master-key';
import { testTargetConnection } from './test-target-connection';

const { db } = setupTestDb();
const originalKey = process.env.GATEHOUSE_MASTER_KEY;

afterEach(() => {
  process.env.GATEHOUSE_MASTER_KEY = originalKey;
  resetEnvForTests();
});

describe('master key check', () => {
  it('passes with the key the targets were stored with and names the fix with another one', async () => {
    const t = await createTarget(db, {
      actor: CLI_ACTOR,
      input: { name: uniqueName('key'), host: 'db.example.test', port: 5432, database: 'x', username: 'x', password: 'stored-secret', tlsMode: 'require' },
    });
    await expect(assertMasterKeyOpensTargets(db)).resolves.toBeUndefined();
    process.env.GATEHOUSE_MASTER_KEY = randomBytes(32).toString('base64');
    resetEnvForTests();
    await expect(assertMasterKeyOpensTargets(db)).rejects.toThrow(/restore the key they were stored with/);
    await expect(testTargetConnection(db, { actor: CLI_ACTOR, idOrName: t.id })).resolves.toEqual({
      ok: false,
      error: 'the stored password cannot be decrypted with the current GATEHOUSE_MASTER_KEY',
    });
  });
});
