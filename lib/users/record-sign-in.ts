import type { Db } from '../db/client';
import type { UserRow } from '../db/schema';
import { appendAuditEvent } from '../audit/append-audit-event';

export type SignInMethod = 'credentials' | 'oidc';

/** The e-mail as typed can be anything: bounded and trimmed before it is stored. */
const MAX_TRIED_EMAIL = 320;

/** A person signed in to the portal. */
export async function recordSignIn(db: Db, options: { user: UserRow; method: SignInMethod; address: string | null }): Promise<void> {
  const { user, method, address } = options;
  await appendAuditEvent(db, {
    actor: { id: user.id, email: user.email, role: user.role, address },
    action: 'auth.signed_in',
    subjectType: 'user',
    subjectId: user.id,
    summary: `${user.email} signed in${method === 'oidc' ? ' with single sign-on' : ''}`,
    details: { method },
  });
}

/**
 * A refused sign-in: the e-mail that was tried and why, never the password. The actor is who
 * tried, so it has no id even when the e-mail names a user (that user's id is in details).
 */
export async function recordSignInRefused(
  db: Db,
  options: { email: string; method: SignInMethod; reason: string; user: UserRow | null; address: string | null },
): Promise<void> {
  const email = options.email.trim().toLowerCase().slice(0, MAX_TRIED_EMAIL) || '(empty)';
  await appendAuditEvent(db, {
    actor: { id: null, email, role: null, address: options.address },
    action: 'auth.sign_in_refused',
    subjectType: options.user ? 'user' : null,
    subjectId: options.user?.id ?? null,
    summary: `Sign-in refused for ${email} (${options.reason.replaceAll('_', ' ')})`,
    details: { email, method: options.method, reason: options.reason, userId: options.user?.id ?? null },
  });
}
