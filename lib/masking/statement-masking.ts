import type { StatementInfo } from '../sql/classify-sql';
import type { CompiledMasking } from './compile-masking';
import { columnNameOf, relationNameOf, type CatalogColumn, type MaskingCatalog } from './masking-catalog';
import type { MaskingRule } from './masking-schema';

/** What masking needs to know about one statement (or every statement of one simple query). */
export type StatementMasking = {
  /** Rules of the masked columns the statement reads anywhere: its computed result columns are masked when non-empty. */
  touched: MaskingRule[];
  /** Why the statement is refused before it runs, if it is. */
  refusal: { rule: MaskingRule | null; message: string } | null;
};

export const UNMASKED: StatementMasking = { touched: [], refusal: null };

/**
 * Judges statements by name, without the catalog's OIDs: a statement reads a masked column when it
 * names one of that column's relations (by relation name, whatever the schema: search_path is
 * invisible to us, so matching more is the safe side) and uses the column's name, a star, or the
 * relation's alias as a whole row. Views count through their masked columns (see view-columns.ts).
 */
export function statementMasking(statements: readonly StatementInfo[], masking: CompiledMasking, catalog: MaskingCatalog): StatementMasking {
  if (masking.columnRules.size === 0) return refusalForCopy(statements, masking, []);
  const touched = new Map<string, MaskingRule>();
  let refusal: StatementMasking['refusal'] = null;
  for (const statement of statements) {
    if (isOpaque(statement)) for (const rule of masking.columnRules.values()) touched.set(rule.id, rule);
    const { names, predicateNames, aliases } = statement.uses;
    const relationNames = new Set(statement.tables.map((t) => t.split('.').at(-1)!));
    const rowNames = new Set(aliases.map(([alias]) => alias));
    const reads = (column: CatalogColumn, used: readonly string[]) =>
      used.includes(columnNameOf(column.key)) || used.includes('*') || used.some((n) => rowNames.has(n) && aliasesRelation(aliases, n, column));
    for (const relation of relationNames) {
      for (const column of candidates(relation, masking, catalog)) {
        const rules = column.sources.map((s) => masking.columnRules.get(s)).filter((r): r is MaskingRule => r !== undefined);
        if (rules.length === 0 || !reads(column, names)) continue;
        for (const rule of rules) touched.set(rule.id, rule);
        const strict = rules.find((r) => r.strict);
        if (!refusal && strict && reads(column, predicateNames)) {
          refusal = {
            rule: strict,
            message: `${column.key} is masked (rule "${strict.name}") and may not be used to filter, join, group or sort: such queries reveal masked values one guess at a time`,
          };
        }
      }
    }
  }
  const result = refusalForCopy(statements, masking, [...touched.values()]);
  return refusal && !result.refusal ? { ...result, refusal } : result;
}

/**
 * Statements whose results come from text we cannot see: a cursor's or SQL-level prepared
 * statement's query, a function body, a DO block's RAISE. They are taken to read every masked
 * column, so their computed columns, notices and errors are masked (plain columns still resolve
 * by OID).
 */
function isOpaque(statement: StatementInfo): boolean {
  if (OPAQUE_COMMANDS.has(statement.command)) return true;
  return statement.flags.some((f) => OPAQUE_FLAGS.has(f));
}

const OPAQUE_COMMANDS = new Set(['FETCH', 'MOVE', 'EXECUTE']);
const OPAQUE_FLAGS = new Set<string>(['unsafe-function', 'do-block', 'dynamic-sql']);

/** The catalog's columns of that name, and the rule-named ones even when the catalog has not seen them (yet). */
function candidates(relation: string, masking: CompiledMasking, catalog: MaskingCatalog): CatalogColumn[] {
  const known = catalog.byRelationName.get(relation) ?? [];
  const named = [...masking.columnRules.keys()].filter((key) => relationNameOf(key) === relation && !known.some((c) => c.key === key));
  return [...known, ...named.map((key) => ({ key, sources: [key], isPlain: true }))];
}

function aliasesRelation(aliases: readonly [string, string][], name: string, column: CatalogColumn): boolean {
  return aliases.some(([alias, relation]) => alias === name && relation.split('.').at(-1) === relationNameOf(column.key));
}

/**
 * COPY ... TO has no RowDescription: values cannot be told apart by column. Reading a masked
 * column that way is refused; binary COPY is refused whenever detectors apply, since binary
 * values cannot be searched. Text and CSV COPY of other data goes through the detectors.
 */
function refusalForCopy(statements: readonly StatementInfo[], masking: CompiledMasking, touched: MaskingRule[]): StatementMasking {
  for (const statement of statements) {
    const copy = statement.uses.copyTo;
    if (!copy) continue;
    if (touched.length > 0) {
      return { touched, refusal: { rule: touched[0]!, message: `COPY ... TO would read masked columns (rule "${touched[0]!.name}"); use SELECT, whose results are masked` } };
    }
    if (copy.format === 'binary' && masking.detectors.length > 0) {
      return { touched, refusal: { rule: null, message: 'binary COPY ... TO cannot be searched for sensitive values on this target; use text or CSV format' } };
    }
  }
  return { touched, refusal: null };
}
