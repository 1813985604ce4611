import type { TargetRow } from '../db/schema';

/** What leaves the server about a target: everything but the secret. */
export type PublicTarget = Omit<TargetRow, 'passwordCiphertext'>;

export function toPublicTarget(row: TargetRow): PublicTarget {
  const { passwordCiphertext: _secret, ...rest } = row;
  return rest;
}
