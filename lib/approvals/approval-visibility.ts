import type { Actor } from '../auth/actor';
import type { Role } from '../db/schema';

const SEE_ALL_ROLES: readonly Role[] = ['approver', 'admin'];

/** Approvers and admins see every request; everyone else only the requests they made. */
export function canSeeAllApprovals(actor: Actor): boolean {
  return SEE_ALL_ROLES.includes(actor.role);
}
