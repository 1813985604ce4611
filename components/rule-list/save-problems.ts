export type SaveProblem = {
  /** The field error's key as the server sent it, e.g. "rules.2.match.pattern". */
  path: string;
  /** Set when the problem is in one rule, so its row can be marked even after reordering. */
  ruleId?: string;
  where: string;
  messages: string[];
};

/** A rule as it was submitted: read back from the form, so nothing about it is certain. */
export type SentRule = { id?: string; name?: string };

export type ProblemNaming = {
  /** What a problem with the list as a whole is shown under, e.g. "Rules". */
  list: string;
  /** Field labels by path prefix; the first prefix that matches wins, so list the longer ones first. */
  fields: readonly (readonly [prefix: string, label: string])[];
};

export type DescribeProblems = (fieldErrors: Record<string, string[]>, sent: readonly SentRule[]) => SaveProblem[];

function fieldLabel(fields: ProblemNaming['fields'], rest: string | undefined): string | null {
  if (!rest) return null;
  const found = fields.find(([prefix]) => rest === prefix || rest.startsWith(`${prefix}.`));
  return found ? found[1] : rest;
}

/** Turns "rules.2.match.pattern" into "Rule 3 “Name” · Pattern", naming the rule as it was sent. */
export function problemDescriber({ list, fields }: ProblemNaming): DescribeProblems {
  return (fieldErrors, sent) =>
    Object.entries(fieldErrors).map(([path, messages]) => {
      const match = /^rules\.(\d+)(?:\.(.+))?$/.exec(path);
      if (!match) return { path, where: path === 'rules' ? list : path, messages };
      const index = Number(match[1]);
      const rule = sent[index];
      const field = fieldLabel(fields, match[2]);
      const name = rule?.name ? ` “${rule.name}”` : '';
      return { path, ruleId: rule?.id, where: `Rule ${index + 1}${name}${field ? ` · ${field}` : ''}`, messages };
    });
}

/** The rules that were submitted, read back from the form; [] if they were not a list. */
export function sentRules(formData: FormData): SentRule[] {
  try {
    const parsed: unknown = JSON.parse(String(formData.get('rules')));
    return Array.isArray(parsed) ? (parsed as SentRule[]) : [];
  } catch {
    return [];
  }
}
