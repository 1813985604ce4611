/**
 * Policy evaluation: a pure function of (rules, identity, classification) -> decision.
 *
 * - Text that did not parse is blocked ("Gatehouse could not parse this statement: <parser error>").
 *   An empty query (no statements) is allowed, by no rule.
 * - Each statement is decided on its own by the first enabled rule, in list order, whose subject
 *   covers the identity and whose match holds for that statement.
 *   - Subject: every given list (roles, userIds, tokenIds) must include the identity; absent or
 *     empty lists mean everyone.
 *   - Match: every given criterion must hold (AND); within a list any entry may (OR). Exception:
 *     for an allow rule, `tables` and `functions` must cover ALL of the statement's tables or
 *     functions, and the statement must have at least one, so an allow for public.reports does not
 *     admit a join with public.secrets. For block and require_approval rules one is enough.
 *     `flags` holds if the statement has any of them; `pattern` is a case-insensitive regular
 *     expression tested against the statement's text. An empty list is treated as absent.
 * - A statement no rule matches is blocked ("No policy rule allows this <command> statement").
 * - The string's decision is its most severe statement decision (block > require_approval > allow;
 *   the first such statement on a tie), with the deciding rule, its message and statementIndex.
 * - A rule that throws while being evaluated (a pattern or shape the schema should have refused)
 *   blocks the statement, naming that rule.
 */
import type { StatementInfo } from '../sql/classify-sql';
import type { PolicyAction, PolicyRule } from './policy-rule-schema';
import type { Decision, PolicyContext, PolicyIdentity, Simulation, StatementDecision } from './policy-types';
import { ruleMatches, subjectCovers } from './rule-matches';

export type { Decision, PolicyContext, PolicyIdentity, Simulation, StatementDecision } from './policy-types';
export { POLICY_ACTIONS, policyRuleSchema, policyRulesSchema, type PolicyAction, type PolicyRule } from './policy-rule-schema';
export { defaultPolicyRules } from './default-policy-rules';

const SEVERITY: Readonly<Record<PolicyAction, number>> = { allow: 0, require_approval: 1, block: 2 };

function defaultMessage(rule: PolicyRule): string {
  if (rule.action === 'block') return `Blocked by rule "${rule.name}"`;
  if (rule.action === 'require_approval') return `Approval required by rule "${rule.name}"`;
  return `Allowed by rule "${rule.name}"`;
}

function decideStatement(
  rules: readonly PolicyRule[],
  identity: PolicyIdentity,
  statement: StatementInfo,
  index: number,
): StatementDecision {
  for (const rule of rules) {
    if (!rule.enabled) continue;
    const ref = { id: rule.id, name: rule.name };
    let isMatch: boolean;
    try {
      isMatch = subjectCovers(rule.subject, identity) && ruleMatches(rule, statement);
    } catch {
      const message = `Rule "${rule.name}" could not be evaluated, so the statement is blocked`;
      return { index, statement, action: 'block', rule: ref, message };
    }
    if (isMatch) return { index, statement, action: rule.action, rule: ref, message: rule.message || defaultMessage(rule) };
  }
  return { index, statement, action: 'block', rule: null, message: `No policy rule allows this ${statement.command} statement` };
}

/** The decision plus, per statement, the rule that decided it: what the portal's simulator shows. */
export function simulatePolicy(rules: readonly PolicyRule[], context: PolicyContext): Simulation {
  const { classification, identity } = context;
  if (!classification.ok) {
    const message = `Gatehouse could not parse this statement: ${classification.error}`;
    return { decision: { action: 'block', rule: null, message, statementIndex: null }, statements: [] };
  }
  const statements = classification.statements.map((statement, index) => decideStatement(rules, identity, statement, index));
  const deciding = statements.reduce<StatementDecision | null>(
    (worst, current) => (worst && SEVERITY[worst.action] >= SEVERITY[current.action] ? worst : current),
    null,
  );
  if (!deciding) return { decision: { action: 'allow', rule: null, message: 'Empty query', statementIndex: null }, statements };
  const { action, rule, message, index } = deciding;
  return { decision: { action, rule, message, statementIndex: index }, statements };
}

export function evaluatePolicy(rules: readonly PolicyRule[], context: PolicyContext): Decision {
  return simulatePolicy(rules, context).decision;
}
