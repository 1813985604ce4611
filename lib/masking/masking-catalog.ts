/**
 * Where masked values live in one target: the columns named by column rules, found by table OID
 * and attribute number (what RowDescription reports for a result column read straight from a
 * table), and the view and materialized-view columns computed from them. Built by
 * load-masking-catalog.ts; pure data here so that planning a result needs no I/O.
 */
export type CatalogColumn = {
  /** 'schema.relation.column' of this column itself. */
  key: string;
  /** The rule-named base columns its values come from. */
  sources: string[];
  /** True when its values are exactly one source's values (a base column, or a view's plain reference). */
  isPlain: boolean;
};

export type MaskingCatalog = {
  byAttribute: ReadonlyMap<string, CatalogColumn>;
  /** Every relation OID of the target at load time: an OID outside it means the catalog is stale. */
  relationOids: ReadonlySet<number>;
  /** Masked columns by relation name (without schema, see touchedSources), base and derived alike. */
  byRelationName: ReadonlyMap<string, readonly CatalogColumn[]>;
  /** The rule-named columns this catalog was built for: a rule added since is not covered yet. */
  keys: ReadonlySet<string>;
};

export const EMPTY_CATALOG: MaskingCatalog = { byAttribute: new Map(), relationOids: new Set(), byRelationName: new Map(), keys: new Set() };

export function attributeKey(tableOid: number, attnum: number): string {
  return `${tableOid}:${attnum}`;
}

export function relationNameOf(key: string): string {
  const parts = key.split('.');
  return parts[parts.length - 2] ?? '';
}

export function columnNameOf(key: string): string {
  return key.split('.').at(-1) ?? '';
}

export function buildCatalog(
  keys: Iterable<string>,
  columns: { tableOid: number; attnum: number; column: CatalogColumn }[],
  relationOids: Iterable<number>,
): MaskingCatalog {
  const byAttribute = new Map<string, CatalogColumn>();
  const byRelationName = new Map<string, CatalogColumn[]>();
  for (const { tableOid, attnum, column } of columns) {
    byAttribute.set(attributeKey(tableOid, attnum), column);
    const name = relationNameOf(column.key);
    byRelationName.set(name, [...(byRelationName.get(name) ?? []), column]);
  }
  return { byAttribute, relationOids: new Set(relationOids), byRelationName, keys: new Set(keys) };
}
