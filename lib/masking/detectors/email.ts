import type { Detector, Span } from './detector';

/**
 * Common e-mail forms, local@domain.tld, Unicode letters included (müller@example.de); not a full
 * RFC 5322 parser. The scan starts from each '@' and walks back over the local part, so text
 * without an '@' costs one indexOf and a long run of letters before a stray '@' costs one pass,
 * where a regex tried at every offset would cost the square of the run.
 */
const DOMAIN = /(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.){1,30}(?:xn--[\p{L}\p{N}-]{1,59}|\p{L}{2,63})/uy;
const LOCAL_EXTRA = /[\p{L}\p{N}\p{M}]/u;

/** Letters, digits and . _ % + - ' (RFC atext has more, but '=', '/' or '{' before an address are rarely part of it). */
function isLocalChar(code: number, text: string, i: number): boolean {
  if (code >= 0x80) return LOCAL_EXTRA.test(text[i]!);
  return (
    (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) ||
    code === 46 || code === 95 || code === 37 || code === 43 || code === 45 || code === 39
  );
}

function findEmails(text: string): Span[] {
  const spans: Span[] = [];
  let done = 0;
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > done && isLocalChar(text.charCodeAt(start - 1), text, start - 1)) start--;
    // A dot or a quote opening the run is punctuation around the address ('bob@example.com').
    while (start < at && (text[start] === '.' || text[start] === "'")) start++;
    if (start === at) continue;
    DOMAIN.lastIndex = at + 1;
    if (!DOMAIN.test(text)) continue;
    spans.push({ start, end: DOMAIN.lastIndex });
    done = DOMAIN.lastIndex;
    at = done - 1;
  }
  return spans;
}

export const emailDetector: Detector = {
  name: 'email',
  label: 'email',
  find: (text) => (text.includes('@') ? findEmails(text) : []),
};
