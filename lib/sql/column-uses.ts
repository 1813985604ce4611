import { asArray, fieldsOf, isAstObject, nameParts, wrappedNode, type AstObject } from './ast';
import { rangeVarName, isRangeVar } from './relation-name';

/**
 * Which columns a statement reads, by name, for masking. Names are what the parser saw (unquoted
 * identifiers folded to lower case); `*` stands for a star or any other whole-row read (COPY of a
 * table without a column list). Used with the statement's tables to decide, without the catalog,
 * whether a computed result column could carry a masked value, and whether a masked column is
 * used to filter, join, group or sort (a blind probe).
 */
export type ColumnUses = {
  names: string[];
  /** Names used in WHERE, HAVING, GROUP BY, ORDER BY, DISTINCT ON, JOIN conditions and window clauses. */
  predicateNames: string[];
  /** FROM-item aliases (and bare relation names) with their relation: `row_to_json(c)` reads all of c. */
  aliases: [string, string][];
  /** Set for COPY ... TO: the format asked for. */
  copyTo: { format: 'text' | 'csv' | 'binary' } | null;
};

const PREDICATE_FIELDS = new Set([
  'whereClause',
  'havingClause',
  'groupClause',
  'sortClause',
  'distinctClause',
  'quals',
  'usingClause',
  'partitionClause',
  'orderClause',
  'windowClause',
]);

export function columnUses(root: unknown): ColumnUses {
  const names = new Set<string>();
  const predicateNames = new Set<string>();
  const aliases = new Map<string, string>();
  let copyTo: ColumnUses['copyTo'] = null;

  function record(name: string, predicate: boolean) {
    names.add(name);
    if (predicate) predicateNames.add(name);
  }

  function visit(value: unknown, predicate: boolean): void {
    if (Array.isArray(value)) {
      for (const item of value) visit(item, predicate);
      return;
    }
    if (!isAstObject(value)) return;
    const node = wrappedNode(value);
    if (node?.type === 'ColumnRef') return columnRef(node.fields, predicate);
    if (node?.type === 'A_Star') return record('*', predicate);
    if (node?.type === 'CopyStmt') copyStatement(node.fields);
    const fields = node ? node.fields : value;
    if (isRangeVar(fields)) rangeVar(fields);
    for (const [key, child] of Object.entries(fields)) visit(child, predicate || PREDICATE_FIELDS.has(key));
  }

  function columnRef(fields: AstObject, predicate: boolean) {
    const parts = asArray(fields.fields);
    const last = parts.at(-1);
    if (wrappedNode(last)?.type === 'A_Star') return record('*', predicate);
    const [name] = nameParts([last]);
    if (name) record(name, predicate);
  }

  function rangeVar(fields: AstObject) {
    const relation = rangeVarName(fields);
    aliases.set(String(fields.relname), relation);
    const alias = isAstObject(fields.alias) ? fields.alias.aliasname : undefined;
    if (typeof alias === 'string') aliases.set(alias, relation);
  }

  function copyStatement(fields: AstObject) {
    if (fields.is_from) return;
    const format = asArray(fields.options)
      .map((o) => fieldsOf(o, 'DefElem'))
      .find((o) => o?.defname === 'format');
    const value = String(fieldsOf(format?.arg, 'String')?.sval ?? 'text').toLowerCase();
    copyTo = { format: value === 'csv' ? 'csv' : value === 'binary' ? 'binary' : 'text' };
    if (fields.relation && asArray(fields.attlist).length === 0) record('*', false);
  }

  visit(root, false);
  return { names: [...names], predicateNames: [...predicateNames], aliases: [...aliases], copyTo };
}
