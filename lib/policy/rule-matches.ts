import type { StatementInfo } from '../sql/classify-sql';
import { matchesGlob } from './glob';
import type { PolicyRule } from './policy-rule-schema';
import type { PolicyIdentity } from './policy-types';

function given<T>(list: readonly T[] | undefined): list is readonly T[] {
  return list !== undefined && list.length > 0;
}

/** Every given list must include the identity; an absent or empty list means everyone. */
export function subjectCovers(subject: PolicyRule['subject'], identity: PolicyIdentity): boolean {
  if (given(subject.roles) && !subject.roles.includes(identity.role)) return false;
  if (given(subject.userIds) && !subject.userIds.includes(identity.userId)) return false;
  if (given(subject.tokenIds) && !(identity.tokenId && subject.tokenIds.includes(identity.tokenId))) return false;
  return true;
}

/**
 * An allow rule must cover every name the statement touches (and it must touch one: an allow for
 * public.reports must not admit a statement whose tables we could not name, or that has none).
 * A restricting rule needs only one. Names match case-sensitively for allow rules, as PostgreSQL
 * stores them, and case-insensitively for restricting rules, so that a rule written 'public.Payments'
 * still catches public.payments. In doubt, the restriction wins.
 */
function namesMatch(globs: readonly string[], names: readonly string[], isAllow: boolean): boolean {
  const covered = (name: string) => globs.some((glob) => matchesGlob(glob, name, isAllow));
  return isAllow ? names.length > 0 && names.every(covered) : names.some(covered);
}

const patterns = new Map<string, RegExp>();

/** Throws if the pattern does not compile; the caller fails closed. */
function patternRegExp(source: string): RegExp {
  let regexp = patterns.get(source);
  if (!regexp) {
    regexp = new RegExp(source, 'i');
    if (patterns.size >= 1_000) patterns.clear();
    patterns.set(source, regexp);
  }
  return regexp;
}

/** Every given criterion must hold (AND); within a list any entry may (OR), except as namesMatch says. */
export function ruleMatches(rule: PolicyRule, statement: StatementInfo): boolean {
  const { kinds, commands, tables, functions, flags, pattern } = rule.match;
  const isAllow = rule.action === 'allow';
  if (given(kinds) && !kinds.includes(statement.kind)) return false;
  if (given(commands) && !commands.some((glob) => matchesGlob(glob, statement.command))) return false;
  if (given(tables) && !namesMatch(tables, statement.tables, isAllow)) return false;
  if (given(functions) && !namesMatch(functions, statement.functions, isAllow)) return false;
  if (given(flags) && !flags.some((flag) => statement.flags.includes(flag))) return false;
  if (pattern && !patternRegExp(pattern).test(statement.text)) return false;
  return true;
}
