import { ROLES, type Role } from '../../db/schema';
import { AppError } from '../../errors';

/** ROLES runs from most to least privileged: admin > approver > auditor > user. */
const rank = (role: Role) => ROLES.length - ROLES.indexOf(role);

/**
 * The role an agent's JWT acts with: the service identity's role, or lower when the configured
 * role claim names a lower one. A claim can never raise it: the admin's choice is the ceiling.
 * The claim may be a role name or a list (the most privileged role listed counts); present but
 * naming no Gatehouse role, it refuses the token rather than guess.
 */
export function agentRole(identityRole: Role, claims: Record<string, unknown>, roleClaim: string | null): Role {
  if (!roleClaim || claims[roleClaim] === undefined) return identityRole;
  const value = claims[roleClaim];
  const listed = (Array.isArray(value) ? value : [value]).filter((v): v is Role => typeof v === 'string' && (ROLES as readonly string[]).includes(v));
  if (listed.length === 0) {
    throw new AppError('UNAUTHORIZED', `JWT refused: its "${roleClaim}" claim names no Gatehouse role (${ROLES.join(', ')})`);
  }
  const claimed = listed.reduce((best, r) => (rank(r) > rank(best) ? r : best));
  return rank(claimed) < rank(identityRole) ? claimed : identityRole;
}
