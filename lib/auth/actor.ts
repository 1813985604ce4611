import { AppError } from '../errors';
import type { Role, UserKind } from '../db/schema';

/** Who is doing something: a signed-in person, a token holder, or the operator at the CLI. */
export type Actor = {
  id: string | null;
  email: string;
  role: Role;
  kind: UserKind | 'cli';
  via: 'session' | 'token' | 'cli';
  tokenId?: string;
  /** The client's network address as the portal saw it, for audit events. */
  address?: string | null;
};

export const CLI_ACTOR: Actor = { id: null, email: 'cli', role: 'admin', kind: 'cli', via: 'cli' };

export function hasRole(actor: Actor, roles: readonly Role[]): boolean {
  return roles.includes(actor.role);
}

export function assertRole(actor: Actor, roles: readonly Role[]): void {
  if (!hasRole(actor, roles)) {
    throw new AppError('FORBIDDEN', `This needs the ${roles.join(' or ')} role; you are ${actor.role}`);
  }
}
