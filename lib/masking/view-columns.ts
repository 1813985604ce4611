import { asArray, fieldsOf, wrappedNode } from '../sql/ast';
import { columnUses } from '../sql/column-uses';
import { parseStatements } from '../sql/pg-parser';
import { columnNameOf, type CatalogColumn } from './masking-catalog';

type ViewColumn = { attnum: number; column: CatalogColumn };

/**
 * Which columns of a view carry masked values, from the view's definition (pg_get_viewdef, which
 * always spells out its target list): a plain reference to a masked column passes that column on
 * as is; any expression that reads one, or a whole row, is computed from it. A definition that
 * cannot be read column by column (set operations, a target list that does not match) marks every
 * view column as computed from all the masked columns it depends on: fail closed.
 */
export function viewColumns(
  view: { key: string; definition: string; columns: { attnum: number; name: string }[] },
  dependsOn: readonly CatalogColumn[],
): ViewColumn[] {
  const all = [...new Set(dependsOn.flatMap((c) => c.sources))];
  const everything = () => view.columns.map((c) => ({ attnum: c.attnum, column: { key: `${view.key}.${c.name}`, sources: all, isPlain: false } }));
  let select: Record<string, unknown> | null;
  try {
    const stmt = wrappedNode(parseStatements(view.definition)[0]?.stmt);
    select = stmt?.type === 'SelectStmt' ? stmt.fields : null;
  } catch {
    return everything();
  }
  const targets = asArray(select?.targetList);
  if (!select || (select.op && select.op !== 'SETOP_NONE') || targets.length !== view.columns.length) return everything();
  const rowNames = new Set(columnUses(select).aliases.map(([alias]) => alias));
  const result: ViewColumn[] = [];
  view.columns.forEach((col, i) => {
    const value = fieldsOf(targets[i], 'ResTarget')?.val;
    const names = columnUses(value).names;
    const readsWholeRow = names.some((n) => n === '*' || rowNames.has(n));
    const matched = dependsOn.filter((d) => names.includes(columnNameOf(d.key)));
    const sources = readsWholeRow ? all : [...new Set(matched.flatMap((m) => m.sources))];
    const isPlain = !readsWholeRow && fieldsOf(value, 'ColumnRef') !== null && matched.length === 1 && matched[0]!.isPlain;
    if (sources.length) result.push({ attnum: col.attnum, column: { key: `${view.key}.${col.name}`, sources, isPlain } });
  });
  return result;
}
