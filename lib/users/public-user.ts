import type { UserRow } from '../db/schema';

export type PublicUser = Omit<UserRow, 'passwordHash'> & { hasPassword: boolean };

export function toPublicUser(row: UserRow): PublicUser {
  const { passwordHash, ...rest } = row;
  return { ...rest, hasPassword: passwordHash !== null };
}
