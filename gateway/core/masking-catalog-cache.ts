import type { Db } from '@/lib/db/client';
import { getTargetRow } from '@/lib/targets/get-target';
import { connectTarget, describeTargetFailure } from '@/lib/targets/connect-target';
import { loadMaskingCatalog } from '@/lib/masking/load-masking-catalog';
import { EMPTY_CATALOG, type MaskingCatalog } from '@/lib/masking/masking-catalog';
import type { MaskingRule } from '@/lib/masking/masking-schema';

/** A stale catalog is reloaded at most this often (a failing target is not asked on every statement). */
const STALE_RETRY_MS = 250;

type Entry = { catalog: MaskingCatalog; loadedAt: number; isStale: boolean; loading: Promise<MaskingCatalog> | null };

/**
 * Each target's masking catalog (see lib/masking/masking-catalog.ts), shared by its sessions. It
 * is reloaded in the background when a session reports it stale (DDL ran, a result named an
 * unknown relation, a rule was added) and every `ttlMs`; until then sessions judge by name,
 * which masks more, never less.
 */
export class MaskingCatalogCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly db: Db,
    private readonly ttlMs = 60_000,
  ) {}

  /** Loads the catalog if column rules need one; rejects (and the session is refused) if it cannot be read. */
  async load(targetId: string, rules: readonly MaskingRule[]): Promise<MaskingCatalog> {
    const entry = this.entries.get(targetId);
    if (entry && !entry.isStale && Date.now() - entry.loadedAt < this.ttlMs) return entry.catalog;
    return this.reload(targetId, rules);
  }

  /** The last catalog read, reloading in the background when stale. */
  current(targetId: string, rules: readonly MaskingRule[]): MaskingCatalog {
    const entry = this.entries.get(targetId);
    if (!entry) {
      this.reload(targetId, rules).catch(() => {});
      return EMPTY_CATALOG;
    }
    const age = Date.now() - entry.loadedAt;
    if (!entry.loading && ((entry.isStale && age > STALE_RETRY_MS) || age > this.ttlMs)) {
      this.reload(targetId, rules).catch((e: Error) => console.error(`gateway: could not reload the masking catalog of target ${targetId}: ${e.message}`));
    }
    return entry.catalog;
  }

  markStale(targetId: string): void {
    const entry = this.entries.get(targetId);
    if (entry) entry.isStale = true;
  }

  private reload(targetId: string, rules: readonly MaskingRule[]): Promise<MaskingCatalog> {
    const entry = this.entries.get(targetId);
    if (entry?.loading) return entry.loading;
    const loading = this.read(targetId, rules).then(
      (catalog) => {
        this.entries.set(targetId, { catalog, loadedAt: Date.now(), isStale: false, loading: null });
        return catalog;
      },
      (e: unknown) => {
        const current = this.entries.get(targetId);
        if (current) Object.assign(current, { loading: null, loadedAt: Date.now() });
        throw e;
      },
    );
    if (entry) entry.loading = loading;
    else this.entries.set(targetId, { catalog: EMPTY_CATALOG, loadedAt: 0, isStale: true, loading });
    return loading;
  }

  private async read(targetId: string, rules: readonly MaskingRule[]): Promise<MaskingCatalog> {
    if (!rules.some((r) => r.enabled && r.match.type === 'column')) return EMPTY_CATALOG;
    const target = await getTargetRow(this.db, targetId);
    const { client, password } = connectTarget(target);
    try {
      return await loadMaskingCatalog(client, rules);
    } catch (e) {
      throw new Error(`cannot read the masking catalog of target "${target.name}": ${describeTargetFailure(e, password)}`);
    } finally {
      await client.end({ timeout: 1 }).catch(() => {});
    }
  }
}
