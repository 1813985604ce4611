import type { UserRow } from '../db/schema';
import type { Actor } from './actor';

export function actorFromUser(user: UserRow, via: Actor['via']): Actor {
  return { id: user.id, email: user.email, role: user.role, kind: user.kind, via };
}
