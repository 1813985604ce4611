import type { AccessGrantRow } from '@/lib/db/schema';
import type { AccessGrantState } from '@/lib/access-grants/grant-state';

/** A grant as the tables show it: the row and what it means at page time. */
export type GrantView = AccessGrantRow & { state: AccessGrantState };

export function formatGrantDuration(seconds: number): string {
  return seconds % 3600 === 0 ? `${seconds / 3600}h` : `${Math.round(seconds / 60)}m`;
}
