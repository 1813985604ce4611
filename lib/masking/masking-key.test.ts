import { describe, expect, it } from 'vitest';
import { maskingHashKey } from './masking-key';

const master = Buffer.alloc(32, 7);

describe('maskingHashKey', () => {
  it('derives 32 bytes, the same for the same master key and target', () => {
    const key = maskingHashKey(master, 'target-a');
    expect(key).toBeInstanceOf(Buffer);
    expect(key).toHaveLength(32);
    expect(maskingHashKey(master, 'target-a').equals(key)).toBe(true);
  });

  it.each([
    ['another target', () => maskingHashKey(master, 'target-b')],
    ['another master key', () => maskingHashKey(Buffer.alloc(32, 8), 'target-a')],
  ])('differs for %s', (_what, derive) => {
    expect(derive().equals(maskingHashKey(master, 'target-a'))).toBe(false);
  });

  it('is HKDF-SHA-256 with the salt gatehouse-masking-v1 and the target id as info', () => {
    // Computed independently from RFC 5869 (Python hmac): changing salt, info or length breaks every stored hash token.
    expect(maskingHashKey(master, 'target-a').toString('hex')).toBe('cea93dfa6d93c6dbfd382593cc0f1d317979a053fb8a0e26e84c788e5f1db121');
  });
});
