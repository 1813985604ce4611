import { z } from 'zod';
import type { Db } from '../db/client';
import { assertRole, type Actor } from '../auth/actor';
import { requireMasterKey } from '../env';
import { AppError } from '../errors';
import { classifySql, initSqlParser } from '../sql/classify-sql';
import { connectTarget, describeTargetFailure } from '../targets/connect-target';
import { getTargetRow } from '../targets/get-target';
import { getUserById } from '../users/get-user';
import { parseInput } from '../validation';
import { compileMasking } from './compile-masking';
import { loadMaskingCatalog } from './load-masking-catalog';
import { maskCell } from './mask-cell';
import { maskingHashKey } from './masking-key';
import { maskingRulesSchema } from './masking-schema';
import { maskedBy, planResult } from './plan-result';
import { statementMasking } from './statement-masking';

export type MaskingPreview = {
  /** Per result column: its name and the rules that masked it ('redacted: computed from masked columns (…)' for expressions), or null. */
  columns: { name: string; maskedBy: string | null }[];
  rows: (string | null)[][];
  /** True when the target returned more rows than the preview shows. */
  truncated: boolean;
};

export const PREVIEW_ROWS = 50;

const previewSchema = z.object({
  sql: z.string().trim().min(1, 'Write a SELECT to preview').max(10_000, 'At most 10,000 characters'),
  rules: maskingRulesSchema,
  asUserId: z.uuid('Pick the user to preview as'),
});

/**
 * Runs one SELECT on the target (read-only transaction, 5 s statement timeout, first rows only,
 * through a cursor so that the rest is never fetched) and masks the result with the given,
 * possibly unsaved, rules as `asUserId` would see it through the gateway: the same catalog,
 * statement analysis, column plan and cell masking the gateway uses.
 */
export async function previewMaskedQuery(
  db: Db,
  options: { actor: Actor; idOrName: string; sql: string; rules: unknown; asUserId: string },
): Promise<MaskingPreview> {
  assertRole(options.actor, ['admin']);
  const input = parseInput(previewSchema, options);
  await initSqlParser();
  const classification = classifySql(input.sql);
  if (!classification.ok) throw new AppError('INVALID_INPUT', `The statement does not parse: ${classification.error}`, { fieldErrors: { sql: [classification.error] } });
  const [statement, ...more] = classification.statements;
  if (!statement || more.length > 0 || statement.command !== 'SELECT' || statement.kind !== 'read') {
    throw new AppError('INVALID_INPUT', 'The preview runs exactly one SELECT statement', { fieldErrors: { sql: ['Write exactly one SELECT statement'] } });
  }
  const target = await getTargetRow(db, options.idOrName);
  const user = await getUserById(db, input.asUserId);
  const masking = compileMasking(input.rules, { userId: user.id, role: user.role, tokenId: null }, maskingHashKey(requireMasterKey(), target.id));
  const { client, password } = connectTarget(target);
  let readsMasked = true;
  try {
    const catalog = await loadMaskingCatalog(client, input.rules);
    const analysis = statementMasking([statement], masking, catalog);
    readsMasked = analysis.touched.length > 0;
    if (analysis.refusal) throw new AppError('FORBIDDEN', `The gateway would refuse this statement: ${analysis.refusal.message}`);
    return await client.begin('read only', async (tx) => {
      await tx.unsafe("set local statement_timeout = '5s'");
      await tx.unsafe(`declare gatehouse_preview no scroll cursor for ${statement.text}`);
      const result = await tx.unsafe(`fetch ${PREVIEW_ROWS + 1} from gatehouse_preview`).raw();
      const fields = result.columns.map((c) => ({ name: c.name, tableOid: c.table, attnum: c.number, typeOid: c.type, format: 0 }));
      const plan = planResult(fields, masking, catalog, analysis);
      const rows = [...result].slice(0, PREVIEW_ROWS).map((row) =>
        (row as (Buffer | null)[]).map((value, i) => maskCell(plan.cells[i]!, value, 0, fields[i]!.typeOid, masking)?.toString('utf8') ?? null),
      );
      return { columns: fields.map((f, i) => ({ name: f.name, maskedBy: maskedBy(plan.cells[i]!) })), rows, truncated: result.length > PREVIEW_ROWS };
    });
  } catch (e) {
    if (e instanceof AppError) throw e;
    const sqlstate = (e as { code?: unknown }).code;
    if (typeof sqlstate !== 'string' || !/^[0-9A-Z]{5}$/.test(sqlstate) || /^(08|28|57|53)/.test(sqlstate)) {
      throw new AppError('UNAVAILABLE', `The target cannot be reached for the preview: ${describeTargetFailure(e, password)}`);
    }
    // As through the gateway: an error of a statement that reads masked columns may quote their values.
    const message = readsMasked ? `message withheld because the statement reads masked columns (SQLSTATE ${sqlstate})` : describeTargetFailure(e, password);
    throw new AppError('INVALID_INPUT', `The target refused the query: ${message}`, { fieldErrors: { sql: [message] } });
  } finally {
    await client.end({ timeout: 1 }).catch(() => {});
  }
}
