import type { Db } from '../db/client';
import type { UserRow } from '../db/schema';
import { hashPassword, verifyPassword } from '../crypto/password';
import { findUserByEmail } from './get-user';

let dummyHash: Promise<string> | undefined;

/**
 * Checks an e-mail and password. Unknown e-mails still pay for one hash so that timing does not
 * tell which addresses exist. Disabled users and service identities cannot sign in.
 */
export async function verifyCredentials(db: Db, email: string, password: string): Promise<UserRow | null> {
  const user = await findUserByEmail(db, email);
  if (!user?.passwordHash) {
    dummyHash ??= hashPassword('not-a-real-password');
    await verifyPassword(password, await dummyHash);
    return null;
  }
  const ok = await verifyPassword(password, user.passwordHash);
  if (!ok || user.disabledAt || user.kind !== 'human') return null;
  return user;
}
