import type { AccessTokenRow } from '../db/schema';

export type TokenStatus = 'active' | 'expired' | 'revoked';

export type PublicToken = Omit<AccessTokenRow, 'tokenHash'> & { userEmail: string; status: TokenStatus };

export function tokenStatus(row: Pick<AccessTokenRow, 'revokedAt' | 'expiresAt'>, now = new Date()): TokenStatus {
  if (row.revokedAt) return 'revoked';
  if (row.expiresAt && row.expiresAt <= now) return 'expired';
  return 'active';
}

export function toPublicToken(row: AccessTokenRow, userEmail: string): PublicToken {
  const { tokenHash: _hash, ...rest } = row;
  return { ...rest, userEmail, status: tokenStatus(row) };
}
