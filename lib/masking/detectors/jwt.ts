import { matchSpans, type Detector } from './detector';

/**
 * JSON web tokens: three base64url segments, header and payload JSON objects (so both begin
 * 'eyJ', the encoding of '{"'); the signature may be empty (alg none). Texts without 'eyJ' are
 * not read.
 */
const JWT = /eyJ[A-Za-z0-9_-]{2,}\.eyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*/g;

export const jwtDetector: Detector = {
  name: 'jwt',
  label: 'JWT',
  find: (text) => (text.includes('eyJ') ? matchSpans(text, JWT) : []),
};
