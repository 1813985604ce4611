import { hkdfSync } from 'node:crypto';

/** The HMAC key of the hash strategy for one target, derived from the master key (HKDF-SHA-256). */
export function maskingHashKey(masterKey: Buffer, targetId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', masterKey, 'gatehouse-masking-v1', targetId, 32));
}
