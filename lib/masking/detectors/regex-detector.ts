import { matchSpans, type Detector } from './detector';

/** A custom rule's regular expression (validated by the rule schema), compiled once per pattern. */
export function regexDetector(pattern: string): Detector {
  const regex = new RegExp(pattern, 'gu');
  return { name: 'regex', label: 'match', find: (text) => matchSpans(text, regex) };
}
