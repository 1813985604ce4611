import type { Db } from '../db/client';
import type { UserRow } from '../db/schema';
import { checkCredentials } from '../users/verify-credentials';
import { recordSignIn, recordSignInRefused } from '../users/record-sign-in';
import { getAuthSettings, isPasswordSignInAllowed } from '../settings/auth-settings';

/**
 * What the sign-in page is told: `CredentialsSignin` (wrong e-mail or password, or disabled) or,
 * while SSO is required, `SsoRequired` for every failure, so that the answer never tells a right
 * password from a wrong one.
 */
export type PasswordSignInError = 'CredentialsSignin' | 'SsoRequired';

export type PasswordSignIn = { user: UserRow; error: null } | { user: null; error: PasswordSignInError };

/**
 * An e-mail and password sign-in. The password is always checked (same cost for everyone); while
 * single sign-on is required only the break-glass admin gets past it. Every outcome is audited,
 * with the real reason (`sso_required` among them) in the audit log only.
 */
export async function signInWithPassword(db: Db, options: { email: string; password: string; address: string | null }): Promise<PasswordSignIn> {
  const { email, password, address } = options;
  const settings = await getAuthSettings(db);
  const failure: PasswordSignInError = settings.requireSso ? 'SsoRequired' : 'CredentialsSignin';
  if (!email || !password) {
    await recordSignInRefused(db, { email, method: 'credentials', reason: 'incomplete', user: null, address });
    return { user: null, error: failure };
  }
  const check = await checkCredentials(db, email, password);
  if (check.refusal === null && isPasswordSignInAllowed(settings, check.user)) {
    await recordSignIn(db, { user: check.user, method: 'credentials', address });
    return { user: check.user, error: null };
  }
  await recordSignInRefused(db, { email, method: 'credentials', reason: check.refusal ?? 'sso_required', user: check.user, address });
  return { user: null, error: failure };
}
