import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/** The previous hash of a chain's first link. */
export const GENESIS_HASH = '0'.repeat(64);

/** A link's hash: SHA-256 over the previous link's hash and the canonical JSON of the record. */
export function linkHash(prevHash: string, payload: unknown): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(payload)).digest('hex');
}
