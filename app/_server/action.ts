import { unstable_rethrow } from 'next/navigation';
import type { Role } from '@/lib/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { hasRole } from '@/lib/auth/actor';
import { isAppError, type FieldErrors } from '@/lib/errors';
import { getSessionActor } from './auth';

export type ActionState<T = unknown> = {
  ok: boolean;
  message?: string;
  fieldErrors?: FieldErrors;
  data?: T;
  /** Echo of what the user typed, so a failed form keeps its values. */
  values?: Record<string, string>;
};

export const INITIAL_ACTION_STATE: ActionState = { ok: false };

function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === 'string' && !/password|secret|token/i.test(key) && !key.startsWith('$')) values[key] = value;
  }
  return values;
}

/**
 * Every server action goes through this: it checks the session and the role itself (middleware
 * only redirects), turns domain errors into field errors for useActionState, and never leaks
 * an unexpected error's details to the browser.
 */
export function withRole<T>(
  roles: readonly Role[] | 'any',
  handler: (actor: Actor, formData: FormData) => Promise<ActionState<T>>,
): (prev: ActionState<T>, formData: FormData) => Promise<ActionState<T>> {
  return async (_prev, formData) => {
    const actor = await getSessionActor();
    if (!actor) return { ok: false, message: 'Your session has ended; sign in again.' };
    if (roles !== 'any' && !hasRole(actor, roles)) {
      return { ok: false, message: `This needs the ${roles.join(' or ')} role; you are ${actor.role}.` };
    }
    try {
      return await handler(actor, formData);
    } catch (e) {
      unstable_rethrow(e);
      if (isAppError(e)) return { ok: false, message: e.message, fieldErrors: e.fieldErrors, values: formValues(formData) };
      console.error('server action failed', e);
      return { ok: false, message: 'Something went wrong on the server; nothing was changed.', values: formValues(formData) };
    }
  };
}
