import type { CompiledMasking } from './compile-masking';
import { attributeKey, type MaskingCatalog } from './masking-catalog';
import type { MaskingRule, MaskingStrategy } from './masking-schema';
import type { StatementMasking } from './statement-masking';

/** A result column as RowDescription describes it. https://www.postgresql.org/docs/current/protocol-message-formats.html */
export type ResultField = { name: string; tableOid: number; attnum: number; typeOid: number; format: number };

export type CellPlan =
  | { kind: 'pass' }
  /** Search the text for what the detectors find. */
  | { kind: 'detect' }
  /** rules: the rules whose columns the value comes from (or, for a computed column, that the statement reads). */
  | { kind: 'mask'; strategy: MaskingStrategy; rules: readonly MaskingRule[]; isComputed: boolean }
  /** A binary value of a type that may hold text while detectors are on: it cannot be searched, so it is sent as NULL. */
  | { kind: 'withhold' };

export type ResultPlan = {
  cells: CellPlan[];
  /** Nothing to do for any column: rows are relayed as they are. */
  isPassThrough: boolean;
  /** A result column came from a relation the catalog does not know: it was treated as computed, and the catalog wants a reload. */
  isCatalogStale: boolean;
};

export const TEXT_TYPE_OID = 25;
const REDACT: MaskingStrategy = { type: 'redact' };

/** Types whose text form is the UTF-8 text itself in both formats (jsonb's binary form adds a version byte). */
export const TEXT_LIKE_TYPES = new Set([25, 1043, 1042, 19, 18, 114, 705, 142, 3802]);
/** Types that cannot hold free text, so detectors need not read them. bytea is here: its text form is hex. */
const NON_TEXT_TYPES = new Set([16, 17, 20, 21, 23, 26, 700, 701, 1700, 1082, 1083, 1114, 1184, 1186, 1266, 2950, 869, 650, 829, 790, 1560, 1562, 28, 3220]);

/**
 * Decides per result column: a column read straight from a masked column (by OID and attribute
 * number) gets its rule's strategy; a view column computed from masked columns, or any computed
 * column (OID 0) of a statement that reads masked columns, is redacted whole; the rest go through
 * the detectors if they can hold text. A column of a relation the catalog does not know (yet) is
 * redacted whole until the catalog is reloaded.
 */
export function planResult(fields: readonly ResultField[], masking: CompiledMasking, catalog: MaskingCatalog, statement: StatementMasking): ResultPlan {
  const isCovering = [...masking.columnRules.keys()].every((key) => catalog.keys.has(key));
  let isCatalogStale = !isCovering;
  const cells = fields.map((field): CellPlan => {
    if (masking.isEmpty) return { kind: 'pass' };
    const column = field.tableOid === 0 ? undefined : catalog.byAttribute.get(attributeKey(field.tableOid, field.attnum));
    // A relation the catalog has not seen, or a catalog that predates a rule: judged by name, as computed.
    const isUnknownRelation = field.tableOid !== 0 && !column && (!isCovering || !catalog.relationOids.has(field.tableOid));
    if (isUnknownRelation && masking.columnRules.size > 0) isCatalogStale = true;
    if (column) {
      const rules = column.sources.map((s) => masking.columnRules.get(s)).filter((r): r is MaskingRule => r !== undefined);
      if (rules.length > 0) {
        const isComputed = !column.isPlain || rules.length > 1;
        return { kind: 'mask', strategy: isComputed ? REDACT : rules[0]!.strategy, rules, isComputed };
      }
      // An exemption from a column's rules covers the column's values: detectors do not mask them either.
      if (column.isPlain && column.sources.every((source) => masking.exemptColumns.has(source))) return { kind: 'pass' };
    } else if (isUnknownRelation && masking.columnRules.size > 0) {
      // Perhaps a view made a moment ago over a masked column: redacted until the catalog says otherwise.
      return { kind: 'mask', strategy: REDACT, rules: statement.touched.length ? statement.touched : [...masking.columnRules.values()], isComputed: true };
    } else if (field.tableOid === 0 && statement.touched.length > 0) {
      return { kind: 'mask', strategy: REDACT, rules: statement.touched, isComputed: true };
    }
    if (masking.detectors.length === 0 || NON_TEXT_TYPES.has(field.typeOid)) return { kind: 'pass' };
    return field.format === 0 || TEXT_LIKE_TYPES.has(field.typeOid) ? { kind: 'detect' } : { kind: 'withhold' };
  });
  return { cells, isPassThrough: cells.every((c) => c.kind === 'pass'), isCatalogStale };
}

/** What a person is told about a masked column (preview and records). */
export function maskedBy(plan: CellPlan): string | null {
  if (plan.kind !== 'mask') return plan.kind === 'withhold' ? 'withheld: binary value that detectors cannot read' : null;
  const names = [...new Set(plan.rules.map((r) => r.name))].join(', ');
  return plan.isComputed ? `redacted: computed from masked columns (${names})` : names;
}
