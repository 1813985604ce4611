import type { Db } from '@/lib/db/client';
import { getTargetPolicy, type TargetPolicy } from '@/lib/policy/target-policy';

type Entry = { policy: TargetPolicy; loadedAt: number; refreshing: boolean };

/**
 * Target policies for live sessions. Sessions read the current policy synchronously on every
 * statement; an entry older than the TTL is reloaded in the background, so a rule an admin
 * saves reaches live sessions within about `ttlMs`. A failed reload keeps the last policy
 * that validated (the store being down already stops statements through the audit writer).
 */
export class PolicyCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly db: Db,
    private readonly ttlMs = 2000,
  ) {}

  async load(targetId: string): Promise<TargetPolicy> {
    const policy = await getTargetPolicy(this.db, targetId);
    this.entries.set(targetId, { policy, loadedAt: Date.now(), refreshing: false });
    return policy;
  }

  current(targetId: string): TargetPolicy {
    const entry = this.entries.get(targetId);
    if (!entry) throw new Error(`policy of target ${targetId} was never loaded`);
    if (!entry.refreshing && Date.now() - entry.loadedAt > this.ttlMs) {
      entry.refreshing = true;
      this.load(targetId).catch((e: Error) => {
        entry.refreshing = false;
        entry.loadedAt = Date.now();
        console.error(`gateway: could not reload the policy of target ${targetId}: ${e.message}`);
      });
    }
    return entry.policy;
  }
}
