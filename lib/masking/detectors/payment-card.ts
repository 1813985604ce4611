import { isLuhnValid } from '../luhn';
import { hasDigits, matchSpans, type Detector, type Span } from './detector';

/**
 * Card numbers: 13 to 19 digits, either one unbroken run (not part of a longer one) or grouped by
 * single spaces or by single dashes with a first group of four (4111 1111 1111 1111,
 * 3782 822463 10005), and Luhn-valid, which drops nine in ten random digit runs. The regex only
 * finds runs of digit groups; the groups are weighed in code, so the number in
 * "4111 1111 1111 1111 12/25" or "qty 12 4111111111111111" is not lost to its neighbours.
 * Texts with fewer than 13 digits are not read at all.
 */
const RUN = /\d+(?:[ -]\d+)*/g;

type Group = { start: number; end: number; sep: string };

const isDigit = (c: number) => c >= 48 && c <= 57;

function groupsOf(run: string): Group[] {
  const groups: Group[] = [];
  for (let i = 0; i < run.length; ) {
    let j = i;
    while (j < run.length && isDigit(run.charCodeAt(j))) j++;
    groups.push({ start: i, end: j, sep: i === 0 ? '' : run[i - 1]! });
    i = j + 1;
  }
  return groups;
}

/** Index of the last group of the longest card starting at group `first`, or -1. */
function cardEndingAt(run: string, groups: readonly Group[], first: number): number {
  const head = groups[first]!;
  const headLength = head.end - head.start;
  if (headLength >= 13 && headLength <= 19) return isLuhnValid(run.slice(head.start, head.end)) ? first : -1;
  if (headLength !== 4) return -1;
  const sep = groups[first + 1]?.sep;
  let digits = run.slice(head.start, head.end);
  let best = -1;
  for (let g = first + 1; g < groups.length; g++) {
    const group = groups[g]!;
    if (group.sep !== sep || group.end - group.start > 6) break;
    digits += run.slice(group.start, group.end);
    if (digits.length > 19) break;
    if (digits.length >= 13 && isLuhnValid(digits)) best = g;
  }
  return best;
}

function cardsInRun(run: string, offset: number): Span[] {
  if (run.length < 13) return [];
  const groups = groupsOf(run);
  const spans: Span[] = [];
  for (let g = 0; g < groups.length; g++) {
    const last = cardEndingAt(run, groups, g);
    if (last === -1) continue;
    spans.push({ start: offset + groups[g]!.start, end: offset + groups[last]!.end });
    g = last;
  }
  return spans;
}

export const paymentCardDetector: Detector = {
  name: 'payment-card',
  label: 'card number',
  find: (text) => (hasDigits(text, 13) ? matchSpans(text, RUN, cardsInRun) : []),
};
