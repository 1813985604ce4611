import type { PolicyRule } from '@/lib/policy/policy-rule-schema';

export type SaveProblem = {
  /** The field error's key as the server sent it, e.g. "rules.2.match.pattern". */
  path: string;
  /** Set when the problem is in one rule, so its row can be marked even after reordering. */
  ruleId?: string;
  where: string;
  messages: string[];
};

const FIELD_LABELS: Record<string, string> = {
  id: 'Id',
  name: 'Name',
  enabled: 'Enabled',
  action: 'Action',
  message: 'Message',
  'subject.roles': 'Roles',
  'subject.userIds': 'User ids',
  'subject.tokenIds': 'Token ids',
  'match.kinds': 'Statement kinds',
  'match.commands': 'Commands',
  'match.tables': 'Tables',
  'match.functions': 'Functions',
  'match.flags': 'Flags',
  'match.pattern': 'Pattern',
};

function fieldLabel(rest: string | undefined): string | null {
  if (!rest) return null;
  const key = Object.keys(FIELD_LABELS).find((k) => rest === k || rest.startsWith(`${k}.`));
  return key ? FIELD_LABELS[key]! : rest;
}

/** Turns "rules.2.match.pattern" into "Rule 3 “Name” · Pattern", naming the rule as it was sent. */
export function describeProblems(fieldErrors: Record<string, string[]>, sent: readonly PolicyRule[]): SaveProblem[] {
  return Object.entries(fieldErrors).map(([path, messages]) => {
    const match = /^rules\.(\d+)(?:\.(.+))?$/.exec(path);
    if (!match) return { path, where: path === 'rules' ? 'Rules' : path, messages };
    const index = Number(match[1]);
    const rule = sent[index];
    const field = fieldLabel(match[2]);
    const name = rule?.name ? ` “${rule.name}”` : '';
    return { path, ruleId: rule?.id, where: `Rule ${index + 1}${name}${field ? ` · ${field}` : ''}`, messages };
  });
}

/** The rules that were submitted, read back from the form; [] if they were not a list. */
export function sentRules(formData: FormData): PolicyRule[] {
  try {
    const parsed: unknown = JSON.parse(String(formData.get('rules')));
    return Array.isArray(parsed) ? (parsed as PolicyRule[]) : [];
  } catch {
    return [];
  }
}
