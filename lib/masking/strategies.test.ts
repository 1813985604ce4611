import { describe, expect, it } from 'vitest';
import type { MaskingStrategy } from './masking-schema';
import { maskSpan, maskValue, REDACTED } from './strategies';

const ctx = { hashKey: Buffer.alloc(32, 1) };
const keepLast = (n: number): MaskingStrategy => ({ type: 'keep-last', n });

describe('maskValue', () => {
  it.each<[MaskingStrategy, string, string | null]>([
    [{ type: 'redact' }, 'alice@example.com', REDACTED],
    [{ type: 'redact' }, '', REDACTED],
    [keepLast(4), '4111111111111111', '****1111'],
    [keepLast(4), '+44 20 7946 0958', '****0958'],
    [keepLast(4), '12345', '****2345'],
    [keepLast(4), '1234', '****'],
    [keepLast(4), '123', '****'],
    [keepLast(4), '', '****'],
    [keepLast(2), 'ab😀😀', '****😀😀'],
    [keepLast(2), 'a😀😀', '****😀😀'],
    [keepLast(2), '😀😀', '****'],
    [keepLast(3), 'x1"\\\t', '*******'],
    [keepLast(3), "ab'\n`", '*******'],
    [{ type: 'email-domain' }, 'alice@example.com', '****@example.com'],
    [{ type: 'email-domain' }, 'alice@mail.example.co.uk', '****@mail.example.co.uk'],
    [{ type: 'email-domain' }, 'not an email', REDACTED],
    [{ type: 'email-domain' }, 'a@b@c', REDACTED],
    [{ type: 'email-domain' }, '@example.com', REDACTED],
    [{ type: 'email-domain' }, 'alice@"evil\\"', '****@*evil**'],
    [{ type: 'null' }, 'anything', null],
  ])('%j on %j -> %j', (strategy, value, expected) => {
    expect(maskValue(strategy, value, ctx)).toBe(expected);
  });

  it('hashes to hash_ and 16 hex digits, the same token for the same value and key', () => {
    const token = maskValue({ type: 'hash' }, 'alice@example.com', ctx);
    expect(token).toMatch(/^hash_[0-9a-f]{16}$/);
    expect(maskValue({ type: 'hash' }, 'alice@example.com', ctx)).toBe(token);
    expect(maskValue({ type: 'hash' }, 'bob@example.com', ctx)).not.toBe(token);
    expect(maskValue({ type: 'hash' }, 'alice@example.com', { hashKey: Buffer.alloc(32, 2) })).not.toBe(token);
  });

  it('hashes with HMAC-SHA-256 of the UTF-8 value', () => {
    // openssl: printf 'x' | openssl dgst -sha256 -hmac 'key'
    expect(maskValue({ type: 'hash' }, 'x', { hashKey: Buffer.from('key') })).toBe('hash_4fc3b7eaf34d7e59');
  });
});

describe('maskSpan', () => {
  it.each<[MaskingStrategy, string, string, string]>([
    [{ type: 'redact' }, 'alice@example.com', 'email', '[redacted email]'],
    [{ type: 'null' }, '4111111111111111', 'card number', '[redacted card number]'],
    [keepLast(4), '4111 1111 1111 1111', 'card number', '****1111'],
    [keepLast(4), '1111', 'card number', '****'],
    [{ type: 'email-domain' }, 'alice@example.com', 'email', '****@example.com'],
    [{ type: 'email-domain' }, '+44 20 7946 0958', 'phone number', '[redacted phone number]'],
    [{ type: 'redact' }, 'x', 'odd"label\t', '[redacted odd*label*]'],
  ])('%j on %j (%s) -> %j', (strategy, span, label, expected) => {
    expect(maskSpan(strategy, span, label, ctx)).toBe(expected);
  });

  it('hashes a span to the token a whole cell with that value gets', () => {
    expect(maskSpan({ type: 'hash' }, '4111111111111111', 'card number', ctx)).toBe(maskValue({ type: 'hash' }, '4111111111111111', ctx));
  });
});
