import type { Role } from '../db/schema/users';
import type { MaskingRule } from './masking-schema';

/** Who the result is for: exemptions are judged on it. */
export type MaskingIdentity = { userId: string; role: Role; tokenId: string | null };

/** An exemption lists roles, users and tokens; being named in any of them exempts the caller. */
export function isExempt(rule: MaskingRule, identity: MaskingIdentity): boolean {
  const exempt = rule.exempt;
  if (!exempt) return false;
  if (exempt.roles?.includes(identity.role)) return true;
  if (exempt.userIds?.includes(identity.userId)) return true;
  return Boolean(identity.tokenId && exempt.tokenIds?.includes(identity.tokenId));
}

/** The enabled rules that apply to this caller, in their order. */
export function rulesFor(rules: readonly MaskingRule[], identity: MaskingIdentity): MaskingRule[] {
  return rules.filter((rule) => rule.enabled && !isExempt(rule, identity));
}
