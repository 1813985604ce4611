import { asArray, fieldsOf, nameParts, type AstObject } from './ast';

/**
 * Unqualified names resolve through search_path, which we cannot see; we assume the default
 * ('"$user", public' after the implicit pg_catalog). pg_catalog is searched first, so an unqualified
 * pg_* name is almost always a catalog relation (pg_authid, pg_stat_activity): name it so, so that
 * rules on 'pg_catalog.*' see it.
 */
export function qualifiedName(schema: string | undefined, name: string): string {
  if (schema) return `${schema}.${name}`;
  return name.startsWith('pg_') ? `pg_catalog.${name}` : `public.${name}`;
}

/** A RangeVar's fields, wrapped or not: it is the only node with both relname and relpersistence. */
export function isRangeVar(fields: AstObject): boolean {
  return typeof fields.relname === 'string' && typeof fields.relpersistence === 'string';
}

export function rangeVarName(fields: AstObject): string {
  const schema = typeof fields.schemaname === 'string' ? fields.schemaname : undefined;
  return qualifiedName(schema, fields.relname as string);
}

const RELATION_OBJECT_TYPES = new Set([
  'OBJECT_TABLE',
  'OBJECT_VIEW',
  'OBJECT_MATVIEW',
  'OBJECT_SEQUENCE',
  'OBJECT_INDEX',
  'OBJECT_FOREIGN_TABLE',
]);

function fromNameList(parts: string[]): string | null {
  const name = parts.at(-1);
  if (!name) return null;
  return qualifiedName(parts.at(-2), name);
}

/**
 * DROP and COMMENT name their relations as plain name lists, not RangeVars; without this
 * `DROP TABLE payments` would touch no table and slip past table rules.
 */
export function objectRelationNames(objectType: unknown, objects: unknown[]): string[] {
  const names: string[] = [];
  for (const object of objects) {
    const parts = nameParts(fieldsOf(object, 'List')?.items);
    if (objectType === 'OBJECT_COLUMN') parts.pop();
    else if (!RELATION_OBJECT_TYPES.has(String(objectType))) continue;
    const name = fromNameList(parts);
    if (name) names.push(name);
  }
  return names;
}

export function statementObjectNames(type: string, fields: AstObject): string[] {
  if (type === 'DropStmt') return objectRelationNames(fields.removeType, asArray(fields.objects));
  if (type === 'CommentStmt' || type === 'SecLabelStmt') return objectRelationNames(fields.objtype, [fields.object]);
  return [];
}
