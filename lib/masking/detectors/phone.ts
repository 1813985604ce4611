import { hasDigits, matchSpans, type Detector } from './detector';

/**
 * International numbers written with a plus (+44 20 7946 0958, +1 (555) 010-2000, 7 to 15
 * digits) and North-American numbers with separators ((555) 123-4567, 555-123-4567,
 * 555.123.4567). A bare run of digits is not a phone number here: that would take ids, amounts,
 * card numbers and dates.
 */
const INTERNATIONAL = /(?<![\w+])\+\d[\d ().-]{5,22}\d(?!\d)/g;
const NORTH_AMERICAN = /(?<![\d.-])(?:\(\d{3}\) ?|\d{3}[-.])\d{3}[-.]\d{4}(?![\d.-]*\d)/g;

function digitCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) n++;
  return n;
}

export const phoneDetector: Detector = {
  name: 'phone',
  label: 'phone number',
  find: (text) => {
    if (!hasDigits(text, 7)) return [];
    const international = text.includes('+') ? matchSpans(text, INTERNATIONAL, (m, start) => {
      const n = digitCount(m);
      return n >= 7 && n <= 15 ? { start, end: start + m.length } : null;
    }) : [];
    return [...international, ...matchSpans(text, NORTH_AMERICAN)];
  },
};
