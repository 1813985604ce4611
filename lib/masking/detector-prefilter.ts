import type { ActiveDetector } from './mask-text';

/** Counts from one pass over a value's UTF-8 bytes (ASCII characters are single bytes in UTF-8). */
export type ByteStats = {
  length: number;
  digits: number;
  at: boolean;
  plus: boolean;
  dash: boolean;
  dot: boolean;
  upperA: boolean;
  underscore: boolean;
  eyJ: boolean;
  /** Two ASCII letters then two digits, as an IBAN starts. */
  ibanHead: boolean;
};

const isLetter = (c: number | undefined) => c !== undefined && ((c >= 65 && c <= 90) || (c >= 97 && c <= 122));
const isDigit = (c: number | undefined) => c !== undefined && c >= 48 && c <= 57;

export function byteStats(bytes: Uint8Array, start: number, end: number): ByteStats {
  let digits = 0;
  let at = false;
  let plus = false;
  let dash = false;
  let dot = false;
  let upperA = false;
  let underscore = false;
  let eyJ = false;
  let ibanHead = false;
  for (let i = start; i < end; i++) {
    const c = bytes[i]!;
    if (c >= 48 && c <= 57) {
      digits++;
      if (!ibanHead && i - start >= 3 && isDigit(bytes[i - 1]) && isLetter(bytes[i - 2]) && isLetter(bytes[i - 3])) ibanHead = true;
    }
    else if (c === 64) at = true;
    else if (c === 43) plus = true;
    else if (c === 45) dash = true;
    else if (c === 46) dot = true;
    else if (c === 65) upperA = true;
    else if (c === 95) underscore = true;
    else if (c === 74 && i - start >= 2 && bytes[i - 1] === 121 && bytes[i - 2] === 101) eyJ = true;
  }
  return { length: end - start, digits, at, plus, dash, dot, upperA, underscore, eyJ, ibanHead };
}

/**
 * Whether a detector could find anything in a value with these counts: the tests each detector's
 * own find() starts with, read off the bytes so that most cells are never decoded. Each must be
 * implied by the detector's own (detector-prefilter.test.ts checks them on every detector's
 * examples); a detector not listed here (custom regex) always runs.
 */
const MAY_MATCH: Record<string, (s: ByteStats) => boolean> = {
  email: (s) => s.at,
  'payment-card': (s) => s.digits >= 13,
  'us-ssn': (s) => s.digits >= 9 && s.dash,
  phone: (s) => s.digits >= 7 && (s.plus || s.dash || s.dot),
  iban: (s) => s.ibanHead && s.length >= 15,
  jwt: (s) => s.eyJ,
  'cloud-key': (s) => s.upperA || s.underscore || s.dash,
};

const ALWAYS = () => true;

/** The detectors' tests as one function, built once per set of detectors (per result column, in the gateway). */
export function compilePrefilter(detectors: readonly ActiveDetector[]): (stats: ByteStats) => boolean {
  const tests = detectors.map(({ detector }) => MAY_MATCH[detector.name] ?? ALWAYS);
  return (stats) => {
    for (let i = 0; i < tests.length; i++) if (tests[i]!(stats)) return true;
    return false;
  };
}

const compiled = new WeakMap<readonly ActiveDetector[], (stats: ByteStats) => boolean>();

export function mayDetect(stats: ByteStats, detectors: readonly ActiveDetector[]): boolean {
  let test = compiled.get(detectors);
  if (!test) {
    test = compilePrefilter(detectors);
    compiled.set(detectors, test);
  }
  return test(stats);
}
