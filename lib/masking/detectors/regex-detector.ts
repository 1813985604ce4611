import { RE2JS } from 're2js';
import type { Detector, Span } from './detector';

/**
 * A custom rule's regular expression, in RE2 syntax (no lookaround, no backreferences) and run by
 * RE2JS, whose matching time is linear in the text: a pattern like `(a+)+$` cannot stall the
 * gateway on a crafted value the way a backtracking engine would. Empty matches find nothing.
 * There is no pre-check: the pattern is the administrator's. Throws if the pattern does not compile.
 */
export function regexDetector(pattern: string): Detector {
  const regex = compileRegexRule(pattern);
  return {
    name: 'regex',
    label: 'match',
    find: (text) => {
      const spans: Span[] = [];
      const matcher = regex.matcher(text);
      while (matcher.find()) if (matcher.end() > matcher.start()) spans.push({ start: matcher.start(), end: matcher.end() });
      return spans;
    },
  };
}

export function compileRegexRule(pattern: string): RE2JS {
  return RE2JS.compile(pattern);
}
