import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { MaskingRule } from './masking-schema';
import { MAX_SAMPLE_TEXT, previewDetections } from './preview-detections';

const cards: MaskingRule = { id: 'cards', name: 'Card numbers', enabled: true, match: { type: 'detector', detector: 'payment-card' }, strategy: { type: 'redact' } };
const orders: MaskingRule = { id: 'orders', name: 'Order refs', enabled: true, match: { type: 'regex', pattern: 'ORD-\\d{6}' }, strategy: { type: 'keep-last', n: 4 } };
const emails: MaskingRule = { id: 'emails', name: 'E-mail column', enabled: true, match: { type: 'column', column: 'public.customers.email' }, strategy: { type: 'redact' } };

const targetId = randomUUID();

describe('previewDetections', () => {
  it('names the rule that caught each finding and shows what it becomes', () => {
    const text = 'Paid with 4111111111111111 for ORD-123456, not with 4111111111111112.';
    const found = previewDetections({ text, rules: [emails, cards, orders], targetId });
    expect(found).toHaveLength(2);
    const card = found.find((d) => d.ruleId === 'cards')!;
    expect(card).toMatchObject({ ruleName: 'Card numbers', found: '4111111111111111', label: expect.any(String) });
    expect(card.masked).not.toContain('4111111111111111');
    const order = found.find((d) => d.ruleId === 'orders')!;
    expect(order).toMatchObject({ ruleName: 'Order refs', found: 'ORD-123456' });
    expect(order.masked).not.toBe('ORD-123456');
    expect(order.masked.endsWith('3456')).toBe(true);
  });

  it('skips disabled rules and column rules', () => {
    const text = 'card 4111111111111111, mail someone@example.com';
    expect(previewDetections({ text, rules: [{ ...cards, enabled: false }, emails], targetId })).toEqual([]);
    expect(previewDetections({ text, rules: [], targetId })).toEqual([]);
  });

  it('hashes with the target key: stable for one target, different for another', () => {
    const hashed: MaskingRule = { ...cards, strategy: { type: 'hash' } };
    const text = 'card 4111111111111111';
    const [first] = previewDetections({ text, rules: [hashed], targetId });
    const [again] = previewDetections({ text, rules: [hashed], targetId });
    const [other] = previewDetections({ text, rules: [hashed], targetId: randomUUID() });
    expect(first!.masked).not.toContain('4111111111111111');
    expect(again!.masked).toBe(first!.masked);
    expect(other!.masked).not.toBe(first!.masked);
  });

  it('refuses empty or oversized text and invalid rules with field errors', () => {
    expect(() => previewDetections({ text: '', rules: [cards], targetId })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', fieldErrors: { text: ['Paste some text to scan'] } }));
    const long = 'x'.repeat(MAX_SAMPLE_TEXT + 1);
    expect(() => previewDetections({ text: long, rules: [cards], targetId })).toThrow(expect.objectContaining({ fieldErrors: { text: ['At most 10,000 characters'] } }));
    expect(previewDetections({ text: 'x'.repeat(MAX_SAMPLE_TEXT), rules: [cards], targetId })).toEqual([]);
    const broken = [{ ...orders, match: { type: 'regex', pattern: '(unclosed' } }];
    expect(() => previewDetections({ text: 'ORD-1', rules: broken, targetId })).toThrow(
      expect.objectContaining({ fieldErrors: { 'rules.0.match.pattern': ['Pattern must be a valid RE2 regular expression (no lookaround or backreferences)'] } }),
    );
  });
});
