import { hasDigits, matchSpans, type Detector } from './detector';

/** AAA-GG-SSSS with dashes, not inside longer digit runs; area 000, 666 and 900-999, group 00 and serial 0000 never issued. */
const SSN = /(?<![\d-])(\d{3})-(\d{2})-(\d{4})(?![\d-])/g;

function isIssuable(m: string): boolean {
  const [area, group, serial] = m.split('-') as [string, string, string];
  return area !== '000' && area !== '666' && area[0] !== '9' && group !== '00' && serial !== '0000';
}

export const usSsnDetector: Detector = {
  name: 'us-ssn',
  label: 'SSN',
  find: (text) => (hasDigits(text, 9) ? matchSpans(text, SSN, (m, start) => (isIssuable(m) ? { start, end: start + m.length } : null)) : []),
};
