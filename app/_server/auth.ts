import { cache } from 'react';
import { getServerSession } from 'next-auth';
import { buildAuthOptions } from '@/lib/auth/auth-options';
import { getDb } from '@/lib/db/client';
import { getUserById } from '@/lib/users/get-user';
import { actorFromUser } from '@/lib/auth/actor-from-user';
import type { Actor } from '@/lib/auth/actor';
import { isAppError } from '@/lib/errors';

let options: ReturnType<typeof buildAuthOptions> | undefined;

export function authOptions() {
  options ??= buildAuthOptions();
  return options;
}

/** The signed-in person, read fresh from the store once per request; null when signed out, unknown or disabled. */
export const getSessionActor = cache(async (): Promise<Actor | null> => {
  const session = (await getServerSession(authOptions())) as { uid?: string } | null;
  if (!session?.uid) return null;
  try {
    const user = await getUserById(getDb(), session.uid);
    return user.disabledAt ? null : actorFromUser(user, 'session');
  } catch (e) {
    if (isAppError(e) && e.code === 'NOT_FOUND') return null;
    throw e;
  }
});
