import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openSecret, sealSecret } from './secret-box';

const key = randomBytes(32);

describe('secret box', () => {
  it('round-trips and never contains the plaintext', () => {
    const sealed = sealSecret(key, 'hunter2-very-secret', 'row-1');
    expect(sealed).not.toContain('hunter2');
    expect(openSecret(key, sealed, 'row-1')).toBe('hunter2-very-secret');
  });

  it('refuses a ciphertext moved to another row', () => {
    const sealed = sealSecret(key, 'secret', 'row-1');
    expect(() => openSecret(key, sealed, 'row-2')).toThrow();
  });

  it('refuses a tampered ciphertext or a wrong key', () => {
    const sealed = sealSecret(key, 'secret', 'row-1');
    const parts = sealed.split('.');
    const body = Buffer.from(parts[2]!, 'base64url');
    body[0]! ^= 1;
    parts[2] = body.toString('base64url');
    expect(() => openSecret(key, parts.join('.'), 'row-1')).toThrow();
    expect(() => openSecret(randomBytes(32), sealed, 'row-1')).toThrow();
  });

  it('uses a fresh IV each time', () => {
    expect(sealSecret(key, 'same', 'row')).not.toBe(sealSecret(key, 'same', 'row'));
  });
});
