import type { MaskingRule } from '@/lib/masking/masking-schema';

export type MaskingSaveProblem = {
  /** The field error's key as the server sent it, e.g. "rules.2.match.column". */
  path: string;
  /** Set when the problem is in one rule, so its row can be marked even after reordering. */
  ruleId?: string;
  where: string;
  messages: string[];
};

const FIELD_LABELS: [prefix: string, label: string][] = [
  ['match.column', 'Column'],
  ['match.detector', 'Detector'],
  ['match.pattern', 'Pattern'],
  ['match', 'Match'],
  ['strategy.n', 'Characters to keep'],
  ['strategy', 'Strategy'],
  ['exempt.roles', 'Exempt roles'],
  ['exempt.userIds', 'Exempt users'],
  ['exempt.tokenIds', 'Exempt tokens'],
  ['exempt', 'Exemptions'],
  ['strict', 'Strict'],
  ['enabled', 'Enabled'],
  ['name', 'Name'],
  ['id', 'Id'],
];

function fieldLabel(rest: string | undefined): string | null {
  if (!rest) return null;
  const found = FIELD_LABELS.find(([prefix]) => rest === prefix || rest.startsWith(`${prefix}.`));
  return found ? found[1] : rest;
}

/** Turns "rules.2.match.column" into "Rule 3 “Name” · Column", naming the rule as it was sent. */
export function describeMaskingProblems(fieldErrors: Record<string, string[]>, sent: readonly MaskingRule[]): MaskingSaveProblem[] {
  return Object.entries(fieldErrors).map(([path, messages]) => {
    const match = /^rules\.(\d+)(?:\.(.+))?$/.exec(path);
    if (!match) return { path, where: path === 'rules' ? 'Masking rules' : path, messages };
    const index = Number(match[1]);
    const rule = sent[index];
    const field = fieldLabel(match[2]);
    const name = rule?.name ? ` “${rule.name}”` : '';
    return { path, ruleId: rule?.id, where: `Rule ${index + 1}${name}${field ? ` · ${field}` : ''}`, messages };
  });
}

/** The rules that were submitted, read back from the form; [] if they were not a list. */
export function sentMaskingRules(formData: FormData): MaskingRule[] {
  try {
    const parsed: unknown = JSON.parse(String(formData.get('rules')));
    return Array.isArray(parsed) ? (parsed as MaskingRule[]) : [];
  } catch {
    return [];
  }
}
