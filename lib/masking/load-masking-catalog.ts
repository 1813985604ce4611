import type postgres from 'postgres';
import { attributeKey, buildCatalog, EMPTY_CATALOG, type CatalogColumn, type MaskingCatalog } from './masking-catalog';
import type { MaskingRule } from './masking-schema';
import { viewColumns } from './view-columns';

/** Views on views on views: deeper chains than this are not followed (and are reported). */
const MAX_VIEW_DEPTH = 8;

type Located = { tableOid: number; attnum: number; column: CatalogColumn };

/**
 * Reads the target's catalog for the columns that column rules name, then follows pg_depend to
 * the views and materialized views built on them, round by round, so a view of a view is found.
 * https://www.postgresql.org/docs/current/catalog-pg-depend.html
 */
export async function loadMaskingCatalog(sql: postgres.Sql, rules: readonly MaskingRule[]): Promise<MaskingCatalog> {
  const keys = [...new Set(rules.flatMap((r) => (r.enabled && r.match.type === 'column' ? [r.match.column] : [])))];
  if (keys.length === 0) return EMPTY_CATALOG;
  const parts = keys.map((k) => k.split('.'));
  const base = await sql<{ oid: number; attnum: number; key: string }[]>`
    select c.oid::int as oid, a.attnum::int as attnum, n.nspname || '.' || c.relname || '.' || a.attname as key
    from unnest(${parts.map((p) => p[0]!)}::text[], ${parts.map((p) => p[1]!)}::text[], ${parts.map((p) => p[2]!)}::text[]) as m(s, t, col)
    join pg_namespace n on n.nspname = m.s
    join pg_class c on c.relnamespace = n.oid and c.relname = m.t
    join pg_attribute a on a.attrelid = c.oid and a.attname = m.col and a.attnum > 0 and not a.attisdropped`;
  const located: Located[] = base.map((r) => ({ tableOid: r.oid, attnum: r.attnum, column: { key: r.key, sources: [r.key], isPlain: true } }));
  const baseOids = new Set(located.map((l) => l.tableOid));
  let views: Located[] = [];
  for (let round = 0; ; round++) {
    if (round === MAX_VIEW_DEPTH) throw new Error(`views are nested more than ${MAX_VIEW_DEPTH} deep over masked columns`);
    const next = await dependentViewColumns(sql, [...located, ...views], baseOids);
    if (JSON.stringify(next) === JSON.stringify(views)) break;
    views = next;
  }
  located.push(...views);
  const relations = await sql<{ oid: number }[]>`select oid::int as oid from pg_class where relkind in ('r', 'p', 'v', 'm', 'f')`;
  return buildCatalog(keys, located, relations.map((r) => r.oid));
}

/**
 * Every view column computed from the given masked columns, recomputed whole each round until
 * nothing changes. Matched by relation, not by column: a whole-row reference (`select c from
 * customers c`) records no dependency on the columns it reads, so a view over a relation with masked
 * columns is read column by column from its definition.
 */
async function dependentViewColumns(sql: postgres.Sql, masked: Located[], baseOids: ReadonlySet<number>): Promise<Located[]> {
  const deps = await sql<{ viewOid: number; key: string; definition: string; refOid: number; refAttnum: number }[]>`
    select distinct r.ev_class::int as "viewOid", n.nspname || '.' || v.relname as key, pg_get_viewdef(r.ev_class) as definition,
      m.oid as "refOid", m.attnum as "refAttnum"
    from pg_depend d
    join pg_rewrite r on r.oid = d.objid
    join pg_class v on v.oid = r.ev_class
    join pg_namespace n on n.oid = v.relnamespace
    join unnest(${masked.map((m) => m.tableOid)}::int[], ${masked.map((m) => m.attnum)}::int[]) as m(oid, attnum)
      on d.refobjid = m.oid
    where d.classid = 'pg_rewrite'::regclass and d.refclassid = 'pg_class'::regclass and r.ev_class <> d.refobjid
    order by 1, 4, 5`;
  const byAttribute = new Map(masked.map((m) => [attributeKey(m.tableOid, m.attnum), m.column]));
  const views = new Map<number, { key: string; definition: string; dependsOn: CatalogColumn[] }>();
  for (const d of deps) {
    if (baseOids.has(d.viewOid)) continue;
    const view = views.get(d.viewOid) ?? { key: d.key, definition: d.definition, dependsOn: [] };
    const column = byAttribute.get(attributeKey(d.refOid, d.refAttnum));
    if (column) view.dependsOn.push(column);
    views.set(d.viewOid, view);
  }
  if (views.size === 0) return [];
  const attributes = await sql<{ oid: number; attnum: number; name: string }[]>`
    select attrelid::int as oid, attnum::int as attnum, attname as name from pg_attribute
    where attrelid = any(${[...views.keys()]}::int[]) and attnum > 0 and not attisdropped order by attnum`;
  const found: Located[] = [];
  for (const [oid, view] of views) {
    const columns = attributes.filter((a) => a.oid === oid);
    for (const { attnum, column } of viewColumns({ key: view.key, definition: view.definition, columns }, view.dependsOn)) {
      found.push({ tableOid: oid, attnum, column });
    }
  }
  return found;
}
