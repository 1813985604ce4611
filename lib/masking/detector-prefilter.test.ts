import { describe, expect, it } from 'vitest';
import { DETECTOR_REGISTRY } from './detectors';
import { regexDetector } from './detectors/regex-detector';
import { DETECTORS } from './masking-schema';
import { byteStats, mayDetect } from './detector-prefilter';
import type { ActiveDetector } from './mask-text';

const active = (name: (typeof DETECTORS)[number]): ActiveDetector[] => [{ ruleId: name, detector: DETECTOR_REGISTRY[name], strategy: { type: 'redact' } }];
const may = (text: string, detectors: ActiveDetector[]) => {
  const bytes = Buffer.from(`xx${text}yy`);
  return mayDetect(byteStats(bytes, 2, bytes.length - 2), detectors);
};

const POSITIVES: Record<(typeof DETECTORS)[number], string[]> = {
  email: ['alice@example.com', 'write to müller@example.de now'],
  'payment-card': ['4111 1111 1111 1111', 'card 5555-5555-5555-4444.', '378282246310005'],
  iban: ['GB82WEST12345698765432', 'DE89 3704 0044 0532 0130 00', 'gb82west12345698765432'],
  phone: ['+44 20 7946 0958', '(555) 123-4567', '555.123.4567', '+447700900123'],
  'us-ssn': ['123-45-6789', 'ssn 078-05-1120.'],
  jwt: ['eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl', 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.'],
  'cloud-key': ['AKIAIOSFODNN7EXAMPLE', `ghp_${'a'.repeat(36)}`, `xoxb-${'1'.repeat(12)}`, `sk_live_${'a'.repeat(24)}`, `AIza${'b'.repeat(35)}`, `ghk_${'c'.repeat(43)}`],
};

/** A small deterministic generator, so a failure names a text that can be run again. */
function* texts(seed: number, count: number): Generator<string> {
  const alphabet = 'aAbeEyJKIS09123456789 @.+-_()GBDEkghpxo';
  let state = seed;
  for (let n = 0; n < count; n++) {
    let text = '';
    const length = 5 + (n % 40);
    for (let i = 0; i < length; i++) {
      state = (state * 1103515245 + 12345) & 0x7fffffff;
      text += alphabet[state % alphabet.length];
    }
    yield text;
  }
}

describe('detector prefilter', () => {
  it.each(DETECTORS)('lets through every example %s finds', (name) => {
    for (const text of POSITIVES[name]) {
      expect(DETECTOR_REGISTRY[name].find(text).length, `${name} finds ${text}`).toBeGreaterThan(0);
      expect(may(text, active(name)), `${name} prefilter on ${text}`).toBe(true);
    }
  });

  it.each(DETECTORS)('never stops a text %s would find something in (generated texts)', (name) => {
    for (const text of texts(DETECTORS.indexOf(name) + 1, 20_000)) {
      if (DETECTOR_REGISTRY[name].find(text).length > 0) expect(may(text, active(name)), text).toBe(true);
    }
  });

  it('turns away ordinary cells, and always runs custom patterns', () => {
    const all = DETECTORS.flatMap(active);
    for (const text of ['Customer 12345', 'London', 'order 12345 shipped on time', 'paid', '1234.50', 'Bob Smith']) expect(may(text, all), text).toBe(false);
    expect(may('London', [{ ruleId: 'r', detector: regexDetector('Lon'), strategy: { type: 'redact' } }])).toBe(true);
  });
});
