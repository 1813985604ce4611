import { hasDigits, matchSpans, type Detector } from './detector';

/**
 * US social security numbers written AAA-GG-SSSS with dashes, not part of a longer digit or
 * dash-joined number; area 000, 666 and 900-999, group 00 and serial 0000 are never issued.
 * Texts without a dash or with fewer than nine digits are not read.
 */
const SSN = /(?<!\d)(?<!\d-)\d{3}-\d{2}-\d{4}(?!\d)(?!-\d)/g;

function isIssuable(ssn: string): boolean {
  const area = ssn.slice(0, 3);
  return area !== '000' && area !== '666' && area[0] !== '9' && ssn.slice(4, 6) !== '00' && ssn.slice(7) !== '0000';
}

export const usSsnDetector: Detector = {
  name: 'us-ssn',
  label: 'SSN',
  find: (text) => (text.includes('-') && hasDigits(text, 9) ? matchSpans(text, SSN, (m, start) => (isIssuable(m) ? { start, end: start + m.length } : null)) : []),
};
