import type { Actor } from '../auth/actor';
import type { AccessGrantRow, Role } from '../db/schema';

/** Who decides on access grants, and so sees everyone's. */
export const GRANT_DECIDER_ROLES: readonly Role[] = ['approver', 'admin'];

export function canDecideAccessGrants(actor: Actor): boolean {
  return GRANT_DECIDER_ROLES.includes(actor.role);
}

/** Admins may end any grant; an approver only the ones they approved. */
export function canRevokeAccessGrant(actor: Actor, grant: Pick<AccessGrantRow, 'decidedByEmail'>): boolean {
  if (actor.role === 'admin') return true;
  return actor.role === 'approver' && grant.decidedByEmail?.toLowerCase() === actor.email.toLowerCase();
}
