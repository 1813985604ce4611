import { z } from 'zod';
import { ROLES, type Role } from '../db/schema/users';

/** Identity-provider group name → Gatehouse role, from OIDC_GROUP_ROLES. */
export type GroupRoles = ReadonlyMap<string, Role>;

/**
 * A person has one role; when their groups map to several, the first of this list wins. Approver
 * ranks above auditor because approving grants access while auditing only reads.
 */
export const ROLE_PRECEDENCE: readonly Role[] = ['admin', 'approver', 'auditor', 'user'];

/**
 * `group=role,group=role`. Each entry splits at its last `=`, so a group may contain `=` (an LDAP
 * DN's `cn=`), but not a comma. A group listed twice is a mistake, not a merge: refused.
 */
export const groupRolesSchema = z.string().transform((value, ctx): GroupRoles => {
  const mapping = new Map<string, Role>();
  const entries = value.split(',').map((e) => e.trim()).filter(Boolean);
  if (entries.length === 0) ctx.addIssue({ code: 'custom', message: 'must list at least one group=role entry' });
  for (const entry of entries) {
    const at = entry.lastIndexOf('=');
    const group = entry.slice(0, at).trim();
    const role = entry.slice(at + 1).trim();
    if (at <= 0 || !group) {
      ctx.addIssue({ code: 'custom', message: `"${entry}" is not group=role` });
    } else if (!(ROLES as readonly string[]).includes(role)) {
      ctx.addIssue({ code: 'custom', message: `"${entry}": role must be one of ${ROLES.join(', ')}` });
    } else if (mapping.has(group)) {
      ctx.addIssue({ code: 'custom', message: `group "${group}" is listed twice` });
    } else {
      mapping.set(group, role as Role);
    }
  }
  return mapping;
});

/** The highest role the groups map to, and the groups that mapped; null when none does. */
export function roleFromGroups(mapping: GroupRoles, groups: readonly string[]): { role: Role; groups: string[] } | null {
  const matched = groups.filter((g) => mapping.has(g));
  if (matched.length === 0) return null;
  const role = ROLE_PRECEDENCE.find((r) => matched.some((g) => mapping.get(g) === r))!;
  return { role, groups: matched.filter((g) => mapping.get(g) === role) };
}

/**
 * The groups in a sign-in profile under the configured claim. A dotted claim reaches into nested
 * objects (Keycloak's `realm_access.roles`); a single string counts as one group; anything else
 * (numbers, objects) is ignored rather than guessed at.
 */
export function readGroups(profile: Record<string, unknown>, claim: string): string[] {
  const value = claimValue(profile, claim);
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((g): g is string => typeof g === 'string') : [];
}

/** A claim by name, or by dotted path when no claim has the whole name (Auth0's namespaced claims contain dots). */
export function claimValue(profile: Record<string, unknown>, claim: string): unknown {
  if (claim in profile) return profile[claim];
  let value: unknown = profile;
  for (const part of claim.split('.')) {
    value = value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  }
  return value;
}
