import type { Detector, Span } from './detector';

/**
 * JSON web tokens: three base64url segments, header and payload JSON objects (so both begin
 * 'eyJ', the encoding of '{"'); the signature may be empty (alg none). Texts without 'eyJ' are
 * not read. The regex is tried only where 'eyJ' occurs, and after a failure the rest of that
 * run of base64url characters is skipped: every later start in the run ends its first segment in
 * the same place and fails the same way, and trying each one would cost the square of the run.
 */
const JWT = /eyJ[A-Za-z0-9_-]{2,}\.eyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*/y;

const isBase64url = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 95;

function findJwts(text: string): Span[] {
  const spans: Span[] = [];
  for (let at = text.indexOf('eyJ'); at !== -1; ) {
    JWT.lastIndex = at;
    if (JWT.test(text)) {
      spans.push({ start: at, end: JWT.lastIndex });
      at = text.indexOf('eyJ', JWT.lastIndex);
      continue;
    }
    let runEnd = at + 3;
    while (runEnd < text.length && isBase64url(text.charCodeAt(runEnd))) runEnd++;
    at = text.indexOf('eyJ', runEnd);
  }
  return spans;
}

export const jwtDetector: Detector = {
  name: 'jwt',
  label: 'JWT',
  find: (text) => (text.includes('eyJ') ? findJwts(text) : []),
};
