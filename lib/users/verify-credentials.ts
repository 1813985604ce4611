import type { Db } from '../db/client';
import type { UserRow } from '../db/schema';
import { hashPassword, verifyPassword } from '../crypto/password';
import { findUserByEmail } from './get-user';

let dummyHash: Promise<string> | undefined;

/** Why a sign-in was refused, for the audit log only: the sign-in page never says which. */
export type SignInRefusal = 'unknown_user' | 'no_password' | 'wrong_password' | 'disabled' | 'not_a_person';

export type CredentialCheck = { user: UserRow; refusal: null } | { user: UserRow | null; refusal: SignInRefusal };

/**
 * Checks an e-mail and password and says why they fail. Unknown e-mails and users without a
 * password still pay for one hash so that timing does not tell which addresses exist. Disabled
 * users and service identities cannot sign in.
 */
export async function checkCredentials(db: Db, email: string, password: string): Promise<CredentialCheck> {
  const user = await findUserByEmail(db, email);
  if (!user?.passwordHash) {
    dummyHash ??= hashPassword('not-a-real-password');
    await verifyPassword(password, await dummyHash);
    return { user, refusal: user ? 'no_password' : 'unknown_user' };
  }
  if (!(await verifyPassword(password, user.passwordHash))) return { user, refusal: 'wrong_password' };
  if (user.disabledAt) return { user, refusal: 'disabled' };
  if (user.kind !== 'human') return { user, refusal: 'not_a_person' };
  return { user, refusal: null };
}

export async function verifyCredentials(db: Db, email: string, password: string): Promise<UserRow | null> {
  const check = await checkCredentials(db, email, password);
  return check.refusal === null ? check.user : null;
}
