import type { Db } from '../lib/db/client';
import { CLI_ACTOR, type Actor } from '../lib/auth/actor';
import { actorFromUser } from '../lib/auth/actor-from-user';
import { createUser } from '../lib/users/create-user';
import { getUserById } from '../lib/users/get-user';
import type { Role } from '../lib/db/schema';
import { uniqueName } from './db';

export const TEST_PASSWORD = 'correct horse battery staple';

/** Creates a person with the role and returns them as an actor signed in through the portal. */
export async function makeActor(db: Db, role: Role, kind: 'human' | 'service' = 'human'): Promise<Actor> {
  const { user } = await createUser(db, {
    actor: CLI_ACTOR,
    input: { email: `${uniqueName(role)}@example.test`, role, kind, password: kind === 'human' ? TEST_PASSWORD : undefined },
  });
  return actorFromUser(await getUserById(db, user.id), 'session');
}
