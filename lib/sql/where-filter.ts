import { asArray, containsNode, sameTree, wrappedNode } from './ast';

/**
 * `id = id` holds for every row with a non-null id; `id <> id` for none, but NOT (id <> id) again for
 * all. Comparing an expression with itself says nothing about which rows are meant, whatever the operator.
 */
function isSelfComparison(type: string, fields: Record<string, unknown>): boolean {
  return type === 'A_Expr' && fields.lexpr !== undefined && sameTree(fields.lexpr, fields.rexpr);
}

/**
 * Whether a DELETE/UPDATE WHERE clause actually filters rows. It catches the mistakes and lazy
 * tricks (no WHERE, WHERE true, WHERE 1=1, WHERE NOT false, WHERE id = id, WHERE id > 5 OR true);
 * it cannot prove a filter selective (`WHERE id IS NOT NULL OR id IS NULL` passes), and a column
 * inside an uncorrelated subquery counts as a column.
 */
export function isRealFilter(where: unknown): boolean {
  const node = wrappedNode(where);
  if (!node) return false;
  const { type, fields } = node;
  if (type === 'CurrentOfExpr') return true;
  if (type === 'BoolExpr') {
    const args = asArray(fields.args);
    if (fields.boolop === 'OR_EXPR') return args.length > 0 && args.every(isRealFilter);
    if (fields.boolop === 'AND_EXPR') return args.some(isRealFilter);
    if (fields.boolop === 'NOT_EXPR') return args.length === 1 && isRealFilter(args[0]);
    return false;
  }
  if (isSelfComparison(type, fields)) return false;
  return type === 'ColumnRef' || containsNode(fields, 'ColumnRef');
}
