import { matchSpans, type Detector } from './detector';

/** Three base64url segments, header and payload JSON objects (so both begin 'eyJ'); the signature may be empty (alg none). */
const JWT = /eyJ[A-Za-z0-9_-]{2,}\.eyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*/g;

export const jwtDetector: Detector = {
  name: 'jwt',
  label: 'JWT',
  find: (text) => (text.includes('eyJ') ? matchSpans(text, JWT) : []),
};
