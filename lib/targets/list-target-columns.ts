import type { Db } from '../db/client';
import { assertRole, type Actor } from '../auth/actor';
import { AppError } from '../errors';
import { getTargetRow } from './get-target';
import { connectTarget, describeTargetFailure } from './connect-target';

export type TargetColumn = { schema: string; table: string; column: string; type: string };

/** Enough for any schema a person browses in a picker; beyond it the column is typed by hand. */
export const MAX_LISTED_COLUMNS = 20_000;

/**
 * The columns of the target's tables (plain and partitioned), views, materialized views and foreign
 * tables, read from pg_catalog so that relations the target role cannot select from are listed too:
 * a masking rule may be written before access is granted. Schemas starting with pg_ (pg_catalog,
 * pg_toast, pg_temp_N) and information_schema are system schemas
 * (https://www.postgresql.org/docs/current/ddl-schemas.html#DDL-SCHEMAS-CATALOG).
 */
export async function listTargetColumns(
  db: Db,
  options: { actor: Actor; idOrName: string; timeoutSeconds?: number },
): Promise<TargetColumn[]> {
  assertRole(options.actor, ['admin']);
  const target = await getTargetRow(db, options.idOrName);
  let connection: ReturnType<typeof connectTarget>;
  try {
    connection = connectTarget(target, { timeoutSeconds: options.timeoutSeconds });
  } catch (e) {
    throw new AppError('UNAVAILABLE', `The target's schema cannot be read: ${describeTargetFailure(e, '')}`);
  }
  const { client, password } = connection;
  try {
    const rows = await client<TargetColumn[]>`
      select n.nspname as schema, c.relname as table, a.attname as column, format_type(a.atttypid, a.atttypmod) as type
      from pg_catalog.pg_attribute a
      join pg_catalog.pg_class c on c.oid = a.attrelid
      join pg_catalog.pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p', 'v', 'm', 'f')
        and a.attnum > 0 and not a.attisdropped
        and n.nspname <> 'information_schema' and n.nspname not like 'pg\\_%'
      order by n.nspname, c.relname, a.attnum
      limit ${MAX_LISTED_COLUMNS}`;
    return rows.map((r) => ({ schema: r.schema, table: r.table, column: r.column, type: r.type }));
  } catch (e) {
    throw new AppError('UNAVAILABLE', `The target's schema cannot be read: ${describeTargetFailure(e, password)}`);
  } finally {
    await client.end({ timeout: 1 }).catch(() => {});
  }
}
