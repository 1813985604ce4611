import { describe, expect, it } from 'vitest';
import { createPrng } from '../demo/prng';
import { DETECTOR_REGISTRY, type Detector } from './detectors';
import { regexDetector } from './detectors/regex-detector';
import { findDetections, maskText, type ActiveDetector } from './mask-text';
import { DETECTORS, type MaskingStrategy } from './masking-schema';
import { maskValue } from './strategies';

const ctx = { hashKey: Buffer.alloc(32, 3) };
const redact: MaskingStrategy = { type: 'redact' };
const use = (name: (typeof DETECTORS)[number], strategy: MaskingStrategy = redact): ActiveDetector => ({ ruleId: name, detector: DETECTOR_REGISTRY[name], strategy });
const ALL = DETECTORS.map((name) => use(name));
const fake = (find: Detector['find']): Detector => ({ name: 'fake', label: 'fake', find });

describe('maskText', () => {
  it.each<[string, readonly ActiveDetector[], string]>([
    ['mail alice@example.com now', [use('email')], 'mail [redacted email] now'],
    ['mail alice@example.com now', [use('email', { type: 'email-domain' })], 'mail ****@example.com now'],
    ['card 4111 1111 1111 1111, exp 12/25', [use('payment-card', { type: 'keep-last', n: 4 })], 'card ****1111, exp 12/25'],
    ['card 4111111111111111', [use('payment-card', { type: 'null' })], 'card [redacted card number]'],
    ['a@b.io, 123-45-6789 and +44 20 7946 0958', ALL, '[redacted email], [redacted SSN] and [redacted phone number]'],
    ['IBAN DE89 3704 0044 0532 0130 00 ok', ALL, 'IBAN [redacted IBAN] ok'],
    ['order ORD-123456 shipped', [{ ruleId: 'orders', detector: regexDetector('ORD-\\d{6}'), strategy: { type: 'keep-last', n: 4 } }], 'order ****3456 shipped'],
    ['😀 bob@example.com 😀', [use('email')], '😀 [redacted email] 😀'],
  ])('%j -> %j', (text, detectors, expected) => {
    expect(maskText(text, detectors, ctx)).toBe(expected);
  });

  it('hashes a span to the token the same value gets as a whole cell', () => {
    const out = maskText('card 4111111111111111', [use('payment-card', { type: 'hash' })], ctx);
    expect(out).toBe(`card ${maskValue({ type: 'hash' }, '4111111111111111', ctx)}`);
    expect(out).toMatch(/^card hash_[0-9a-f]{16}$/);
  });

  it('returns the very same string when nothing is found or nothing runs', () => {
    const text = 'nothing to see in this 42 character text';
    expect(maskText(text, ALL, ctx)).toBe(text);
    expect(maskText(text, [], ctx)).toBe(text);
    expect(maskText('', ALL, ctx)).toBe('');
  });

  it('masks short texts too: a custom pattern may match fewer characters than any detector', () => {
    expect(maskText('42', [{ ruleId: 'r', detector: regexDetector('\\d+'), strategy: redact }], ctx)).toBe('[redacted match]');
  });

  it('lets the earlier detector mask overlapping spans, covering both so nothing of either is left in clear', () => {
    const text = 'IBAN DE89 3704 0044 0532 0130 00 end';
    const wide = fake(() => [{ start: 5, end: 14 }]);
    const late = fake(() => [{ start: 10, end: 32 }]);
    expect(maskText(text, [{ ruleId: 'a', detector: { ...wide, label: 'first' }, strategy: redact }, { ruleId: 'b', detector: late, strategy: { type: 'keep-last', n: 2 } }], ctx)).toBe(
      'IBAN [redacted first] end',
    );
    expect(maskText(text, [{ ruleId: 'b', detector: late, strategy: { type: 'keep-last', n: 2 } }, { ruleId: 'a', detector: wide, strategy: redact }], ctx)).toBe('IBAN ****00 end');
  });

  it('merges a chain of overlaps and keeps adjacent spans apart', () => {
    const spans = fake(() => [{ start: 0, end: 2 }, { start: 2, end: 4 }]);
    const bridge = fake(() => [{ start: 5, end: 7 }, { start: 6, end: 9 }]);
    expect(maskText('abcd_efghij', [{ ruleId: 'x', detector: spans, strategy: redact }, { ruleId: 'y', detector: bridge, strategy: redact }], ctx)).toBe(
      '[redacted fake][redacted fake]_[redacted fake]ij',
    );
  });

  it.each<[string, Detector['find']]>([
    ['throws', () => {
      throw new Error('boom');
    }],
    ['returns a span past the end', (text) => [{ start: 0, end: text.length + 1 }]],
    ['returns a span ending before it starts', () => [{ start: 3, end: 1 }]],
    ['returns a fractional index', () => [{ start: 0.5, end: 2 }]],
  ])('fails closed when a detector %s: the whole text is redacted', (_what, find) => {
    const text = 'secret alice@example.com';
    expect(maskText(text, [use('email'), { ruleId: 'bad', detector: fake(find), strategy: redact }], ctx)).toBe('[redacted]');
  });

  it('changes none of 10,000 ordinary short strings with every detector on (false-positive guard)', () => {
    const r = createPrng(20240115);
    const hex = (n: number) => Array.from({ length: n }, () => '0123456789abcdef'[r.int(0, 15)]).join('');
    const pad = (n: number, width: number) => String(n).padStart(width, '0');
    const names = ['Olivia Smith', "Liam O'Brien", 'Léa Dubois', 'Lukas Müller', 'Sofía López', 'Priya Patel', 'Kenji Tanaka', 'Zoë de Vries'];
    const cities = ['London', 'Paris', 'Berlin', 'Madrid', 'New York', 'São Paulo', 'Zürich', 'Kraków', 'Tokyo'];
    const makers: (() => string)[] = [
      () => r.pick(names),
      () => r.pick(cities),
      () => `${r.int(0, 99_999)}.${pad(r.int(0, 99), 2)}`,
      () => `-${r.int(0, 9_999)}.${pad(r.int(0, 99), 2)}`,
      () => `${r.int(1, 999)},${pad(r.int(0, 999), 3)},${pad(r.int(0, 999), 3)}.${pad(r.int(0, 99), 2)}`,
      () => `${r.int(1990, 2030)}-${pad(r.int(1, 12), 2)}-${pad(r.int(1, 28), 2)}`,
      () => `${r.int(1990, 2030)}-${pad(r.int(1, 12), 2)}-${pad(r.int(1, 28), 2)} ${pad(r.int(0, 23), 2)}:${pad(r.int(0, 59), 2)}:${pad(r.int(0, 59), 2)}+0${r.int(0, 9)}`,
      () => `${r.int(1990, 2030)}-${pad(r.int(1, 12), 2)}-${pad(r.int(1, 28), 2)}T${pad(r.int(0, 23), 2)}:${pad(r.int(0, 59), 2)}:00.${pad(r.int(0, 999), 3)}Z`,
      () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`,
      () => String(r.int(1, 2_000_000_000)),
      () => `ORD-${r.digits(6)}`,
      () => `${r.int(1, 255)}.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(0, 255)}`,
      () => `v${r.int(0, 20)}.${r.int(0, 20)}.${r.int(0, 99)}`,
      () => `${r.int(0, 100)}%`,
      () => `order ${r.int(1, 99_999)} shipped to ${r.pick(cities)} on ${r.int(2020, 2025)}-0${r.int(1, 9)}-1${r.int(0, 9)}`,
      () => `${r.pick(names)}, ${r.pick(cities)}: ${r.int(1, 999)} items, ${r.int(1, 9_999)}.${pad(r.int(0, 99), 2)} EUR`,
    ];
    const changed: string[] = [];
    for (let i = 0; i < 10_000; i++) {
      const text = makers[i % makers.length]!();
      if (maskText(text, ALL, ctx) !== text) changed.push(text);
    }
    expect(changed).toEqual([]);
  });
});

describe('findDetections', () => {
  it('reports each finding in text order with its rule, label, place and replacement', () => {
    const text = 'call +44 20 7946 0958 or mail bob@example.com';
    const found = findDetections(text, [use('email', { type: 'email-domain' }), use('phone', { type: 'keep-last', n: 4 })], ctx);
    expect(found).toEqual([
      { ruleId: 'phone', label: 'phone number', start: 5, end: 21, found: '+44 20 7946 0958', masked: '****0958' },
      { ruleId: 'email', label: 'email', start: 30, end: 45, found: 'bob@example.com', masked: '****@example.com' },
    ]);
  });

  it('finds nothing in ordinary text, and says what a throwing detector threw', () => {
    expect(findDetections('nothing here', ALL, ctx)).toEqual([]);
    const broken = fake(() => {
      throw new Error('boom');
    });
    expect(() => findDetections('x', [{ ruleId: 'bad', detector: broken, strategy: redact }], ctx)).toThrow('boom');
  });
});
