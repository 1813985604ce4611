import type { Db } from '../db/client';
import { users, type Role } from '../db/schema';
import { requireMasterKey } from '../env';
import { CLI_ACTOR } from '../auth/actor';
import { createUser } from '../users/create-user';
import { createTarget } from '../targets/create-target';
import { ensureDemoDatabase, type DemoDatabase } from './ensure-demo-database';
import { replaceTargetMaskingRules } from '../masking/replace-target-masking';
import { demoMaskingRules } from './demo-masking-rules';

export const DEMO_TARGET_NAME = 'demo';

const DEMO_ROLES: readonly Role[] = ['admin', 'approver', 'auditor', 'user'];

export type DemoCredentials = {
  users: { email: string; role: Role; password: string }[];
  target: { name: string; host: string; port: number; database: string };
};

/**
 * Seeds an empty store with one person per role and the `demo` target, so a first start can be
 * explored at once. A store that has any user is left alone (returns null): seeding is for day one.
 */
export async function seedDemo(
  db: Db,
  options: { demoDatabase?: () => Promise<DemoDatabase> } = {},
): Promise<DemoCredentials | null> {
  if ((await db.$count(users)) > 0) return null;
  // The target password is sealed with the master key: fail before creating anything without it.
  requireMasterKey();
  const demo = await (options.demoDatabase ?? ensureDemoDatabase)();

  // All or nothing, or a half-seeded store would count as seeded forever.
  return db.transaction(async (txDb) => {
    await createTarget(txDb, {
      actor: CLI_ACTOR,
      input: { name: DEMO_TARGET_NAME, ...demo, tlsMode: 'disable' },
    });
    await replaceTargetMaskingRules(txDb, { actor: CLI_ACTOR, idOrName: DEMO_TARGET_NAME, rules: demoMaskingRules() });
    const created: DemoCredentials['users'] = [];
    for (const role of DEMO_ROLES) {
      const email = `${role}@gatehouse.local`;
      const name = `Demo ${role[0]!.toUpperCase()}${role.slice(1)}`;
      const { generatedPassword } = await createUser(txDb, { actor: CLI_ACTOR, input: { email, name, role } });
      created.push({ email, role, password: generatedPassword! });
    }
    return { users: created, target: { name: DEMO_TARGET_NAME, host: demo.host, port: demo.port, database: demo.database } };
  });
}
