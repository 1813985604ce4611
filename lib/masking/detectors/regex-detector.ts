import { matchSpans, type Detector } from './detector';

/**
 * A custom rule's regular expression (validated by the rule schema), compiled once per pattern
 * with flags 'gu'. Empty matches (a pattern like `x*`) find nothing and are stepped over.
 * There is no pre-check: the pattern is the administrator's.
 */
export function regexDetector(pattern: string): Detector {
  const regex = new RegExp(pattern, 'gu');
  return { name: 'regex', label: 'match', find: (text) => matchSpans(text, regex) };
}
