import { matchSpans, type Detector, type Span } from './detector';

/**
 * Phone numbers in two shapes only, because a bare run of digits would take ids, amounts, card
 * numbers and dates:
 * - international, with a plus: +44 20 7946 0958, +1 (555) 010-2000, +447700900123; 7 to 15
 *   digits (E.164), groups split by one space, dash or dot, or in parentheses. A candidate that
 *   runs on into more digits is cut back to its longest prefix of whole groups within 15 digits;
 *   a plus, digits and a single dot (+10000.00) is an amount, not a number.
 * - North American with separators: (555) 123-4567, 555-123-4567, 555.123.4567.
 * One pass over the text counts digits and looks for '+', '-' and '.' before any regex runs.
 */
const INTERNATIONAL = /(?<![\p{L}\p{N}_+])\+(?:\d+|\(\d+\))(?:[ .-]?\(\d+\)|[ .-]\d+|(?<=\))\d+)*/gu;
const NORTH_AMERICAN = /(?<!\d)(?<!\d[.-])(?:\(\d{3}\) ?\d{3}-\d{4}|\d{3}-\d{3}-\d{4}|\d{3}\.\d{3}\.\d{4})(?!\d)(?![.-]\d)/g;

const isDigit = (c: number) => c >= 48 && c <= 57;

/** The longest prefix of whole digit groups holding at most 15 digits, if it holds 7 or more and is not an amount. */
function international(match: string, start: number): Span | null {
  let digits = 0;
  let end = 0;
  let dots = 0;
  let others = 0;
  let pendingDots = 0;
  let pendingOthers = 0;
  for (let i = 1; i < match.length; ) {
    const c = match.charCodeAt(i);
    if (!isDigit(c)) {
      if (c === 46) pendingDots++;
      else if (c !== 40 && c !== 41) pendingOthers++;
      i++;
      continue;
    }
    let j = i;
    while (j < match.length && isDigit(match.charCodeAt(j))) j++;
    if (digits + j - i > 15) break;
    digits += j - i;
    dots += pendingDots;
    others += pendingOthers;
    pendingDots = pendingOthers = 0;
    end = match.charCodeAt(j) === 41 ? j + 1 : j;
    i = j;
  }
  if (digits < 7 || (dots === 1 && others === 0)) return null;
  return { start, end: start + end };
}

function findPhones(text: string, hasPlus: boolean, hasSeparator: boolean, digits: number): Span[] {
  const spans = hasPlus ? matchSpans(text, INTERNATIONAL, international) : [];
  if (!hasSeparator || digits < 10) return spans;
  const plain = matchSpans(text, NORTH_AMERICAN).filter((n) => !spans.some((s) => n.start < s.end && s.start < n.end));
  return plain.length === 0 ? spans : [...spans, ...plain].sort((a, b) => a.start - b.start);
}

export const phoneDetector: Detector = {
  name: 'phone',
  label: 'phone number',
  find: (text) => {
    let digits = 0;
    let hasPlus = false;
    let hasSeparator = false;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (isDigit(c)) digits++;
      else if (c === 43) hasPlus = true;
      else if (c === 45 || c === 46) hasSeparator = true;
    }
    return digits >= 7 && (hasPlus || hasSeparator) ? findPhones(text, hasPlus, hasSeparator, digits) : [];
  },
};
