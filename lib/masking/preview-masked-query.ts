import type { Db } from '../db/client';
import type { Actor } from '../auth/actor';
import { AppError } from '../errors';

export type MaskingPreview = {
  /** Per result column: its name and the rule that masked it ('computed from masked columns' for expressions), or null. */
  columns: { name: string; maskedBy: string | null }[];
  rows: (string | null)[][];
  /** True when the target returned more rows than the preview shows. */
  truncated: boolean;
};

/**
 * Runs one SELECT on the target (read-only transaction, statement timeout, first rows only) and
 * masks the result with the given (possibly unsaved) rules as `asUserId` would see it.
 */
export async function previewMaskedQuery(
  _db: Db,
  _options: { actor: Actor; idOrName: string; sql: string; rules: unknown; asUserId: string },
): Promise<MaskingPreview> {
  throw new AppError('UNAVAILABLE', 'Masking preview is being written (lead); this placeholder is replaced before the issue closes');
}
