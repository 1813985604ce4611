import { isLuhnValid } from '../luhn';
import { hasDigits, matchSpans, type Detector } from './detector';

/**
 * 13 to 19 digits, optionally grouped by single spaces or dashes, not inside a longer run of
 * digits, and Luhn-valid (which drops nine in ten random digit runs). Texts with fewer than 13
 * digits are not read.
 */
const CARD = /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d])/g;

export const paymentCardDetector: Detector = {
  name: 'payment-card',
  label: 'card number',
  find: (text) => (hasDigits(text, 13) ? matchSpans(text, CARD, (m, start) => (isLuhnValid(m.replace(/[ -]/g, '')) ? { start, end: start + m.length } : null)) : []),
};
