import { asArray, fieldsOf, isAstObject, type AstObject } from './ast';

/** PostgreSQL's parse_bool spellings of false (https://www.postgresql.org/docs/current/sql-explain.html). */
const FALSE_WORDS = new Set(['f', 'fa', 'fal', 'fals', 'false', 'n', 'no', 'of', 'off', '0']);

function isFalse(arg: unknown): boolean {
  const string = fieldsOf(arg, 'String');
  if (string) return FALSE_WORDS.has(String(string.sval ?? '').toLowerCase());
  const integer = fieldsOf(arg, 'Integer');
  if (integer) return !integer.ival;
  const boolean = fieldsOf(arg, 'Boolean');
  if (boolean) return !boolean.boolval;
  return false;
}

/** Whether EXPLAIN will run the statement. An option value we cannot read counts as "it runs". */
export function isExplainAnalyze(explain: AstObject): boolean {
  return asArray(explain.options).some((option) => {
    const def = fieldsOf(option, 'DefElem');
    if (!def || String(def.defname).toLowerCase() !== 'analyze') return false;
    return !isAstObject(def.arg) || !isFalse(def.arg);
  });
}
