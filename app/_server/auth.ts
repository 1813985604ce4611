import { cache } from 'react';
import { headers } from 'next/headers';
import { getServerSession } from 'next-auth';
import { buildAuthOptions } from '@/lib/auth/auth-options';
import { getDb } from '@/lib/db/client';
import { getUserById } from '@/lib/users/get-user';
import { actorFromUser } from '@/lib/auth/actor-from-user';
import type { Actor } from '@/lib/auth/actor';
import { isAppError } from '@/lib/errors';

let options: ReturnType<typeof buildAuthOptions> | undefined;

/** Longer than any IPv6 address with a zone; what is longer is not an address. */
const MAX_ADDRESS_LENGTH = 100;

/**
 * The client's address as the proxy in front of the portal reports it: the first hop of
 * X-Forwarded-For, else X-Real-IP. Null when neither is set (a direct connection).
 */
export function requestAddress(h: Pick<Headers, 'get'>): string | null {
  const forwarded = h.get('x-forwarded-for')?.split(',')[0]?.trim();
  const address = forwarded || h.get('x-real-ip')?.trim();
  return address ? address.slice(0, MAX_ADDRESS_LENGTH) : null;
}

export function authOptions() {
  options ??= buildAuthOptions({ requestAddress: async () => requestAddress(await headers()) });
  return options;
}

/** The signed-in person, read fresh from the store once per request; null when signed out, unknown or disabled. */
export const getSessionActor = cache(async (): Promise<Actor | null> => {
  const session = (await getServerSession(authOptions())) as { uid?: string } | null;
  if (!session?.uid) return null;
  try {
    const user = await getUserById(getDb(), session.uid);
    return user.disabledAt ? null : { ...actorFromUser(user, 'session'), address: requestAddress(await headers()) };
  } catch (e) {
    if (isAppError(e) && e.code === 'NOT_FOUND') return null;
    throw e;
  }
});
