import type { PolicyRule } from '@/lib/policy/policy-rule-schema';

/** What the rule form edits: lists as checkbox selections or comma-separated text. */
export type RuleDraft = {
  name: string;
  action: PolicyRule['action'];
  message: string;
  roles: string[];
  kinds: string[];
  flags: string[];
  commands: string;
  tables: string;
  functions: string;
  pattern: string;
  /** For require_approval: seconds to wait (empty: the default), or answer at once. */
  waitSeconds: string;
  dontWait: boolean;
  requiredApprovals: string;
  approverRoles: string[];
};

export const EMPTY_DRAFT: RuleDraft = {
  waitSeconds: '',
  dontWait: false,
  requiredApprovals: '',
  approverRoles: [],
  name: '',
  action: 'block',
  message: '',
  roles: [],
  kinds: [],
  flags: [],
  commands: '',
  tables: '',
  functions: '',
  pattern: '',
};

export function draftFromRule(rule: PolicyRule): RuleDraft {
  return {
    name: rule.name,
    action: rule.action,
    message: rule.message ?? '',
    roles: [...(rule.subject.roles ?? [])],
    kinds: [...(rule.match.kinds ?? [])],
    flags: [...(rule.match.flags ?? [])],
    commands: (rule.match.commands ?? []).join(', '),
    tables: (rule.match.tables ?? []).join(', '),
    functions: (rule.match.functions ?? []).join(', '),
    pattern: rule.match.pattern ?? '',
    waitSeconds: rule.approval?.waitSeconds === undefined ? '' : String(rule.approval.waitSeconds),
    dontWait: rule.approval?.dontWait ?? false,
    requiredApprovals: rule.approval?.requiredApprovals === undefined ? '' : String(rule.approval.requiredApprovals),
    approverRoles: [...(rule.approval?.approverRoles ?? [])],
  };
}

/** Numbers the schema will judge; text that is not a number is passed on so its message is shown. */
function numberOrText(text: string): number | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : (Number(trimmed) as number);
}

function approvalFromDraft(draft: RuleDraft): PolicyRule['approval'] {
  if (draft.action !== 'require_approval') return undefined;
  const approval = {
    waitSeconds: numberOrText(draft.waitSeconds),
    dontWait: draft.dontWait || undefined,
    requiredApprovals: numberOrText(draft.requiredApprovals),
    approverRoles: nonEmpty(draft.approverRoles) as NonNullable<PolicyRule['approval']>['approverRoles'],
  };
  return Object.values(approval).some((v) => v !== undefined) ? approval : undefined;
}

function splitList(text: string): string[] | undefined {
  const items = text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  return items.length ? items : undefined;
}

function nonEmpty<T>(items: T[]): T[] | undefined {
  return items.length ? items : undefined;
}

/**
 * The rule a draft describes. Empty fields are left out rather than sent empty, because the schema
 * is strict and an empty pattern is an error. The form does not edit user or token ids (set through
 * the API), so an edited rule keeps the ones it had.
 */
export function ruleFromDraft(draft: RuleDraft, base: { id: string; enabled: boolean; subject?: PolicyRule['subject'] }): PolicyRule {
  const roles = nonEmpty(draft.roles) as PolicyRule['subject']['roles'];
  const rule: PolicyRule = {
    id: base.id,
    name: draft.name.trim(),
    enabled: base.enabled,
    subject: { ...base.subject, roles },
    match: {
      kinds: nonEmpty(draft.kinds) as PolicyRule['match']['kinds'],
      commands: splitList(draft.commands),
      tables: splitList(draft.tables),
      functions: splitList(draft.functions),
      flags: nonEmpty(draft.flags) as PolicyRule['match']['flags'],
      pattern: draft.pattern === '' ? undefined : draft.pattern,
    },
    action: draft.action,
    message: draft.message.trim() === '' ? undefined : draft.message.trim(),
    approval: approvalFromDraft(draft),
  };
  return JSON.parse(JSON.stringify(rule)) as PolicyRule;
}

/** The choices the form offers, handed down by the page so no schema code ships to the browser. */
export type RuleOptions = { roles: readonly string[]; kinds: readonly string[]; flags: readonly string[] };
