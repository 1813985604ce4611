import type { Db } from '@/lib/db/client';
import type { Role } from '@/lib/db/schema';
import { getActiveGrantRole } from '@/lib/access-grants/get-active-grant-role';

type Grant = { role: Role; endsAt: Date } | null;
type Entry = { grant: Grant; loadedAt: number; refreshing: boolean };

const PRIVILEGE: Record<Role, number> = { user: 0, auditor: 1, approver: 2, admin: 3 };

/**
 * Time-boxed access grants for live sessions: a grant approved while a session runs applies within
 * about `ttlMs`, and one that ends stops applying at its end to the millisecond, whenever the cache
 * last looked. A grant never lowers a role: the policy sees the higher of the two.
 */
export class GrantCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly db: Db,
    private readonly ttlMs = 2000,
  ) {}

  async load(userId: string, targetId: string): Promise<void> {
    const grant = await getActiveGrantRole(this.db, { userId, targetId });
    this.entries.set(`${userId}:${targetId}`, { grant, loadedAt: Date.now(), refreshing: false });
  }

  effectiveRole(userId: string, targetId: string, own: Role): Role {
    const entry = this.entries.get(`${userId}:${targetId}`);
    if (!entry) return own;
    if (!entry.refreshing && Date.now() - entry.loadedAt > this.ttlMs) {
      entry.refreshing = true;
      this.load(userId, targetId).catch(() => {
        entry.refreshing = false;
        entry.loadedAt = Date.now();
      });
    }
    const grant = entry.grant;
    if (!grant || grant.endsAt.getTime() <= Date.now()) return own;
    return PRIVILEGE[grant.role] > PRIVILEGE[own] ? grant.role : own;
  }
}
