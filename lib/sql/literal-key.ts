const QUOTE = 0x27; // '
const DQUOTE = 0x22; // "
const DOLLAR = 0x24; // $
const DOT = 0x2e; // .

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isIdentStart = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c >= 0x80;
const isIdentChar = (c: number) => isIdentStart(c) || isDigit(c) || c === DOLLAR;

/** Statements whose meaning can hang on a number's value (EXPLAIN (ANALYZE 0) does not run). */
const VALUE_SENSITIVE = /explain|analy[sz]e/i;

/**
 * A cache key under which statements that differ only in numeric literals share one
 * classification: the text with each numeric literal replaced by 0. Returns null, meaning "use
 * the exact text", whenever the text is not a single plain statement this small lexer is sure of:
 * several statements, escape or Unicode strings, backslashes, unterminated quotes or comments,
 * numbers glued to names, and statements whose classification depends on a number's value.
 * Also returns the statement's own text (without a trailing semicolon), as the parser reports it.
 * Strings, quoted identifiers, dollar-quoted bodies, comments and $n parameters are kept as they
 * are, so only the values of numbers are ever merged.
 */
export function literalKey(text: string): { key: string; statement: string } | null {
  if (VALUE_SENSITIVE.test(text)) return null;
  // One trailing semicolon (drivers and pgbench send them) ends the statement, as in the parser.
  const trimmed = text.trimEnd();
  const sql = trimmed.endsWith(';') ? trimmed.slice(0, -1) : text;
  const key = numbersReplaced(sql);
  return key === null ? null : { key, statement: sql.trim() };
}

function numbersReplaced(sql: string): string | null {
  const n = sql.length;
  let out = '';
  let copiedTo = 0;
  let i = 0;
  while (i < n) {
    const c = sql.charCodeAt(i);
    const next = i + 1 < n ? sql.charCodeAt(i + 1) : -1;
    if (c === QUOTE) {
      const before = i > 0 ? sql.charCodeAt(i - 1) : -1;
      if (isIdentChar(before) || before === 0x26 /* & */) return null;
      i = skipQuoted(sql, i, QUOTE);
    } else if (c === DQUOTE) {
      i = skipQuoted(sql, i, DQUOTE);
    } else if (c === 0x2d && next === 0x2d) {
      const end = sql.indexOf('\n', i);
      i = end < 0 ? n : end + 1;
    } else if (c === 0x2f && next === 0x2a) {
      i = skipBlockComment(sql, i);
    } else if (c === 0x3b /* ; */ || c === 0x5c /* \ */) {
      return null;
    } else if (c === DOLLAR) {
      i = isDigit(next) ? skipDigits(sql, i + 1) : skipDollarQuoted(sql, i);
    } else if (isIdentStart(c)) {
      i += 1;
      while (i < n && isIdentChar(sql.charCodeAt(i))) i++;
    } else if (isDigit(c) || (c === DOT && isDigit(next))) {
      const end = skipNumber(sql, i);
      if (end < 0) return null;
      out += sql.slice(copiedTo, i) + '0';
      copiedTo = i = end;
    } else {
      i += 1;
    }
    if (i < 0) return null;
  }
  return copiedTo === 0 ? null : out + sql.slice(copiedTo);
}

/** Index after a '...' or "..." token (a doubled quote is part of it), or -1 if unterminated. */
function skipQuoted(sql: string, start: number, quote: number): number {
  let i = start + 1;
  for (;;) {
    const end = sql.indexOf(String.fromCharCode(quote), i);
    if (end < 0) return -1;
    if (sql.charCodeAt(end + 1) === quote) i = end + 2;
    else return end + 1;
  }
}

/** Block comments nest in PostgreSQL. */
function skipBlockComment(sql: string, start: number): number {
  let depth = 0;
  let i = start;
  while (i < sql.length) {
    if (sql.startsWith('/*', i)) {
      depth += 1;
      i += 2;
    } else if (sql.startsWith('*/', i)) {
      depth -= 1;
      i += 2;
      if (depth === 0) return i;
    } else i += 1;
  }
  return -1;
}

function skipDollarQuoted(sql: string, start: number): number {
  const tag = /^\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/.exec(sql.slice(start, start + 64));
  if (!tag) return -1;
  const end = sql.indexOf(tag[0], start + tag[0].length);
  return end < 0 ? -1 : end + tag[0].length;
}

function skipDigits(sql: string, start: number): number {
  let i = start;
  while (i < sql.length && isDigit(sql.charCodeAt(i))) i++;
  return i;
}

/** digits[.digits][e[+-]digits] or .digits[...]; -1 when a name or another dot is glued to it. */
function skipNumber(sql: string, start: number): number {
  let i = skipDigits(sql, start);
  if (sql.charCodeAt(i) === DOT) i = skipDigits(sql, i + 1);
  const e = sql.charCodeAt(i);
  if (e === 0x65 || e === 0x45) {
    let j = i + 1;
    const sign = sql.charCodeAt(j);
    if (sign === 0x2b || sign === 0x2d) j += 1;
    if (!isDigit(sql.charCodeAt(j))) return -1;
    i = skipDigits(sql, j);
  }
  const after = i < sql.length ? sql.charCodeAt(i) : -1;
  return isIdentChar(after) || after === DOT || after === QUOTE ? -1 : i;
}
