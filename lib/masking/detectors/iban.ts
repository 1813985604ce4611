import { hasDigits, matchSpans, type Detector, type Span } from './detector';

/**
 * Country code, two check digits and 11 to 30 letters or digits, optionally grouped in fours by
 * spaces, either case; valid only if the ISO 13616 mod-97 check holds. The longest valid prefix
 * of a candidate is taken, so a word after the number is not swallowed.
 */
const CANDIDATE = /(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]){11,30}/g;

export function isIbanValid(compact: string): boolean {
  if (compact.length < 15 || compact.length > 34) return false;
  const moved = (compact.slice(4) + compact.slice(0, 4)).toUpperCase();
  let remainder = 0;
  for (const ch of moved) {
    const code = ch.charCodeAt(0);
    const value = code >= 65 ? code - 55 : code - 48;
    remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
  }
  return remainder === 1;
}

function longestValid(match: string, start: number): Span | null {
  const positions: number[] = [];
  for (let i = 0; i < match.length; i++) if (match[i] !== ' ') positions.push(i);
  const compact = match.replace(/ /g, '');
  for (let length = Math.min(34, compact.length); length >= 15; length--) {
    if (isIbanValid(compact.slice(0, length))) return { start, end: start + positions[length - 1]! + 1 };
  }
  return null;
}

export const ibanDetector: Detector = {
  name: 'iban',
  label: 'IBAN',
  find: (text) => (hasDigits(text, 4) ? matchSpans(text, CANDIDATE, longestValid) : []),
};
