import { createHash, randomBytes } from 'node:crypto';

export const TOKEN_PREFIX = 'ghk_';
const DISPLAY_LENGTH = TOKEN_PREFIX.length + 6;

export function generateAccessToken(): { token: string; hash: string; displayPrefix: string } {
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  return { token, hash: hashAccessToken(token), displayPrefix: token.slice(0, DISPLAY_LENGTH) };
}

/** Tokens carry 256 random bits, so a fast hash is enough: nothing to guess offline. */
export function hashAccessToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function looksLikeAccessToken(value: string): boolean {
  return value.startsWith(TOKEN_PREFIX) && value.length > DISPLAY_LENGTH;
}
