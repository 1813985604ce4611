import type { DetectorName, MaskingRule, MaskingStrategy, MaskingStrategyType } from '@/lib/masking/masking-schema';
import type { TargetColumn } from '@/lib/targets/list-target-columns';
import { defaultRuleName } from './masking-labels';

/** What the masking rule form edits: one field per control, as text where the schema judges a number. */
export type MaskingRuleDraft = {
  name: string;
  kind: MaskingRule['match']['type'];
  column: string;
  detector: DetectorName;
  pattern: string;
  strategy: MaskingStrategyType;
  keepLast: string;
  strict: boolean;
  exemptRoles: string[];
  exemptUserIds: string[];
  exemptTokenIds: string[];
};

export const EMPTY_MASKING_DRAFT: MaskingRuleDraft = {
  name: '',
  kind: 'column',
  column: '',
  detector: 'payment-card',
  pattern: '',
  strategy: 'redact',
  keepLast: '4',
  strict: false,
  exemptRoles: [],
  exemptUserIds: [],
  exemptTokenIds: [],
};

export function draftFromMaskingRule(rule: MaskingRule): MaskingRuleDraft {
  return {
    ...EMPTY_MASKING_DRAFT,
    name: rule.name,
    kind: rule.match.type,
    column: rule.match.type === 'column' ? rule.match.column : '',
    detector: rule.match.type === 'detector' ? rule.match.detector : EMPTY_MASKING_DRAFT.detector,
    pattern: rule.match.type === 'regex' ? rule.match.pattern : '',
    strategy: rule.strategy.type,
    keepLast: rule.strategy.type === 'keep-last' ? String(rule.strategy.n) : EMPTY_MASKING_DRAFT.keepLast,
    strict: rule.strict ?? false,
    exemptRoles: [...(rule.exempt?.roles ?? [])],
    exemptUserIds: [...(rule.exempt?.userIds ?? [])],
    exemptTokenIds: [...(rule.exempt?.tokenIds ?? [])],
  };
}

function matchFromDraft(draft: MaskingRuleDraft): MaskingRule['match'] {
  if (draft.kind === 'detector') return { type: 'detector', detector: draft.detector };
  if (draft.kind === 'regex') return { type: 'regex', pattern: draft.pattern };
  return { type: 'column', column: draft.column.trim() };
}

/** A keep-last count that is not a number is passed on as typed, so the schema's message is shown on save. */
function strategyFromDraft(draft: MaskingRuleDraft): MaskingStrategy {
  if (draft.strategy !== 'keep-last') return { type: draft.strategy } as MaskingStrategy;
  const n = draft.keepLast.trim();
  return { type: 'keep-last', n: (n !== '' && Number.isFinite(Number(n)) ? Number(n) : n) as number };
}

function nonEmpty<T>(items: readonly T[]): T[] | undefined {
  return items.length ? [...items] : undefined;
}

/**
 * The rule a draft describes. Empty lists and a false strict flag are left out, as the API stores
 * them; strict is kept only on column rules (the schema refuses it elsewhere). A blank name becomes
 * one made from what the rule matches.
 */
export function maskingRuleFromDraft(draft: MaskingRuleDraft, base: { id: string; enabled: boolean }): MaskingRule {
  const match = matchFromDraft(draft);
  const exempt = {
    roles: nonEmpty(draft.exemptRoles) as NonNullable<MaskingRule['exempt']>['roles'],
    userIds: nonEmpty(draft.exemptUserIds),
    tokenIds: nonEmpty(draft.exemptTokenIds),
  };
  const rule: MaskingRule = {
    id: base.id,
    name: draft.name.trim() || defaultRuleName(match),
    enabled: base.enabled,
    match,
    strategy: strategyFromDraft(draft),
    strict: draft.kind === 'column' && draft.strict ? true : undefined,
    exempt: Object.values(exempt).some(Boolean) ? exempt : undefined,
  };
  return JSON.parse(JSON.stringify(rule)) as MaskingRule;
}

/** A detector rule with the usual strategy, for the quick-add buttons. */
export function detectorRule(detector: DetectorName, id: string): MaskingRule {
  return maskingRuleFromDraft({ ...EMPTY_MASKING_DRAFT, kind: 'detector', detector }, { id, enabled: true });
}

/** An exemption choice: a user (value: id, label: e-mail and role) or a token (value: id, label: name and owner). */
export type ExemptOption = { value: string; label: string };

/** The choices the form offers, handed down by the page so no schema or database code ships to the browser. */
export type MaskingOptions = {
  roles: readonly string[];
  detectors: readonly DetectorName[];
  strategies: readonly MaskingStrategyType[];
  users: readonly ExemptOption[];
  tokens: readonly ExemptOption[];
  /** The target's columns, or null when its schema could not be read (columnsError says why). */
  columns: readonly TargetColumn[] | null;
  columnsError?: string;
};
