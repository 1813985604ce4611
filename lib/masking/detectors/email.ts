import { matchSpans, type Detector } from './detector';

/** Common e-mail forms (local@domain.tld); not a full RFC 5322 parser. Nothing without an '@' is read. */
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}/g;

export const emailDetector: Detector = {
  name: 'email',
  label: 'email',
  find: (text) => (text.includes('@') ? matchSpans(text, EMAIL) : []),
};
