/**
 * libpg_query hands back the parse tree as JSON: a node is `{ TypeName: { ...fields } }`, except in
 * fields whose type is fixed (a DML statement's `relation`, a set operation's `larg`), where the
 * fields appear without the wrapper. These helpers read that JSON without trusting its shape.
 */
export type AstObject = Record<string, unknown>;

export function isAstObject(value: unknown): value is AstObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Node type names are PascalCase keys ('SelectStmt', 'A_Expr'); field names are not. */
export function wrappedNode(value: unknown): { type: string; fields: AstObject } | null {
  if (!isAstObject(value)) return null;
  const keys = Object.keys(value);
  if (keys.length !== 1) return null;
  const type = keys[0] as string;
  const fields = value[type];
  if (!/^[A-Z]/.test(type) || !isAstObject(fields)) return null;
  return { type, fields };
}

export function fieldsOf(value: unknown, type: string): AstObject | null {
  const node = wrappedNode(value);
  return node?.type === type ? node.fields : null;
}

/** The sval of each String node in a name list: `[{String:{sval:'pg_catalog'}},{String:{sval:'now'}}]`. */
export function nameParts(list: unknown): string[] {
  return asArray(list).map((item) => {
    const sval = fieldsOf(item, 'String')?.sval;
    return typeof sval === 'string' ? sval : '';
  });
}

/** Structural equality of two subtrees, ignoring token positions. */
export function sameTree(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => sameTree(item, b[i]));
  }
  if (isAstObject(a) && isAstObject(b)) {
    const keysA = Object.keys(a).filter((k) => k !== 'location');
    const keysB = Object.keys(b).filter((k) => k !== 'location');
    return keysA.length === keysB.length && keysA.every((k) => k in b && sameTree(a[k], b[k]));
  }
  return a === b;
}

/** Whether any node of the given type appears in the subtree. */
export function containsNode(value: unknown, type: string): boolean {
  if (Array.isArray(value)) return value.some((item) => containsNode(item, type));
  if (!isAstObject(value)) return false;
  return Object.entries(value).some(([key, child]) => key === type || containsNode(child, type));
}
