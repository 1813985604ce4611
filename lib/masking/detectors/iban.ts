import { hasDigits, matchSpans, type Detector, type Span } from './detector';

/**
 * IBANs (ISO 13616): country code, two check digits and 11 to 30 letters or digits, either
 * unbroken or grouped in fours by single spaces (DE89 3704 0044 0532 0130 00), all upper or all
 * lower case, and valid only if the mod-97 check holds. A grouped candidate may have swallowed a
 * word after the number (BE68 5390 0754 7034 CASH): shorter group-aligned prefixes are tried too.
 * Texts with fewer than four digits are not read.
 */
const upper = '[A-Z]{2}\\d{2}(?:[A-Z0-9]{11,30}|(?: [A-Z0-9]{4}){2,7}(?: [A-Z0-9]{1,3})?)';
const lower = upper.replaceAll('A-Z', 'a-z');
const CANDIDATE = new RegExp(`(?<![\\p{L}\\p{N}])(?:${upper}|${lower})(?![\\p{L}\\p{N}])`, 'gu');

export function isIbanValid(compact: string): boolean {
  if (compact.length < 15 || compact.length > 34) return false;
  // Check digits 00, 01 and 99 pass the arithmetic (they equal 97, 98 and 02 mod 97) but are never issued.
  const check = compact.slice(2, 4);
  if (check === '00' || check === '01' || check === '99') return false;
  const moved = (compact.slice(4) + compact.slice(0, 4)).toUpperCase();
  let remainder = 0;
  for (let i = 0; i < moved.length; i++) {
    const code = moved.charCodeAt(i);
    const value = code >= 65 ? code - 55 : code - 48;
    remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
  }
  return remainder === 1;
}

function longestValid(match: string, start: number): Span | null {
  if (!match.includes(' ')) return isIbanValid(match) ? { start, end: start + match.length } : null;
  for (let end = match.length; end > 0; end = match.lastIndexOf(' ', end - 1)) {
    if (isIbanValid(match.slice(0, end).replaceAll(' ', ''))) return { start, end: start + end };
  }
  return null;
}

export const ibanDetector: Detector = {
  name: 'iban',
  label: 'IBAN',
  find: (text) => (text.length >= 15 && hasDigits(text, 4) ? matchSpans(text, CANDIDATE, longestValid) : []),
};
