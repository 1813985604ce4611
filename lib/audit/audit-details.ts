/** Helpers that turn a change into an audit event's `details`: what changed, never secrets. */

export type FieldChange = { before: unknown; after: unknown };

/** The listed fields whose value differs between before and after, as { field: { before, after } }. */
export function fieldChanges<T extends object>(before: T, after: T, fields: readonly (keyof T & string)[]): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {};
  for (const field of fields) {
    const was = comparable(before[field]);
    const is = comparable(after[field]);
    if (stableJson(was) !== stableJson(is)) changes[field] = { before: was, after: is };
  }
  return changes;
}

function comparable(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  return value ?? null;
}

type NamedRule = { id: string; name: string };
export type RuleRef = { id: string; name: string };

export type RuleListDiff = {
  before: number;
  after: number;
  added: RuleRef[];
  removed: RuleRef[];
  changed: RuleRef[];
  reordered: boolean;
};

/** What a whole-list replacement of rules did, by rule id: added, removed, edited and whether the order moved. */
export function diffRuleLists(before: readonly unknown[], after: readonly NamedRule[]): RuleListDiff {
  const old = new Map(before.filter(isNamedRule).map((rule) => [rule.id, rule]));
  const next = new Map(after.map((rule) => [rule.id, rule]));
  const ref = (rule: NamedRule): RuleRef => ({ id: rule.id, name: rule.name });
  const added = after.filter((rule) => !old.has(rule.id)).map(ref);
  const removed = [...old.values()].filter((rule) => !next.has(rule.id)).map(ref);
  const changed = after.filter((rule) => old.has(rule.id) && stableJson(old.get(rule.id)) !== stableJson(rule)).map(ref);
  const keptOld = [...old.keys()].filter((id) => next.has(id));
  const keptNew = after.map((rule) => rule.id).filter((id) => old.has(id));
  return { before: before.length, after: after.length, added, removed, changed, reordered: keptOld.join('\n') !== keptNew.join('\n') };
}

/** How many rules a diff touched, for the one-line summary ("changed 3 masking rules"). */
export function touchedRuleCount(diff: RuleListDiff): number {
  return diff.added.length + diff.removed.length + diff.changed.length;
}

/** JSON with sorted keys and undefined members left out: jsonb hands keys back in its own order. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

function isNamedRule(value: unknown): value is NamedRule {
  return typeof value === 'object' && value !== null && typeof (value as NamedRule).id === 'string' && typeof (value as NamedRule).name === 'string';
}

/** "1 rule", "3 rules". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "admin@x changed 3 masking rules on demo", or "... reordered the statement rules on demo". */
export function ruleChangeSummary(actorEmail: string, diff: RuleListDiff, what: string, targetName: string): string {
  const touched = touchedRuleCount(diff);
  if (touched > 0) return `${actorEmail} changed ${plural(touched, what)} on ${targetName}${diff.reordered ? ' and reordered them' : ''}`;
  if (diff.reordered) return `${actorEmail} reordered the ${what}s on ${targetName}`;
  return `${actorEmail} saved the ${what}s on ${targetName} unchanged`;
}
