import { ROLES, type AccessGrantRow, type Role } from '../db/schema';

/** What a grant means at a moment: an approved grant is 'active' only inside its window. */
export type AccessGrantState = 'pending' | 'active' | 'scheduled' | 'expired' | 'denied' | 'revoked';

export function accessGrantState(grant: Pick<AccessGrantRow, 'status' | 'startsAt' | 'endsAt'>, now: Date): AccessGrantState {
  if (grant.status !== 'approved') return grant.status;
  if (!grant.startsAt || !grant.endsAt || grant.endsAt <= now) return 'expired';
  return grant.startsAt > now ? 'scheduled' : 'active';
}

/** ROLES is ordered from most to least privileged: admin > approver > auditor > user. */
export function rolePrivilege(role: Role): number {
  return ROLES.length - ROLES.indexOf(role);
}
