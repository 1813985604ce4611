export type SqlTokenKind = 'keyword' | 'string' | 'number' | 'comment' | 'identifier' | 'parameter' | 'text';

export type SqlToken = { kind: SqlTokenKind; text: string };

const KEYWORDS = new Set(
  `add all alter analyze and any as asc begin between by call cascade case cast check checkpoint close cluster column comment commit
  constraint copy create cross current_date current_timestamp current_user cursor deallocate declare default delete desc distinct do drop
  else end except execute exists explain false fetch for foreign from full function grant group having if ilike in index inner insert
  intersect into is join key language lateral left like limit listen lock materialized move not notify null nulls offset on only or order
  outer over partition prepare primary procedure reassign references refresh reindex release rename replace reset restrict returning
  revoke right role rollback savepoint schema select sequence session set show similar table tablespace temp temporary then to
  transaction trigger true truncate union unique unlisten update user using vacuum values view when where window with`.split(/\s+/),
);

/** Dollar-quote opener per https://www.postgresql.org/docs/current/sql-syntax-lexical.html#SQL-SYNTAX-DOLLAR-QUOTING */
const DOLLAR_TAG = /^\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/;
const NUMBER = /^(?:0[xX][0-9A-Fa-f_]+|0[oO][0-7_]+|0[bB][01_]+|(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)/;
const WORD = /^[A-Za-z_\u0080-\uffff][A-Za-z0-9_$\u0080-\uffff]*/;
const PARAMETER = /^\$\d+/;

/** Index just past a quoted run that starts at `start` with `quote`; a doubled quote is an escaped one. */
function endOfQuoted(sql: string, start: number, quote: string, hasBackslashEscapes: boolean): number {
  let i = start + 1;
  while (i < sql.length) {
    const ch = sql[i];
    if (hasBackslashEscapes && ch === '\\') i += 2;
    else if (ch === quote && sql[i + 1] === quote) i += 2;
    else if (ch === quote) return i + 1;
    else i += 1;
  }
  return sql.length;
}

/** Block comments nest in PostgreSQL, unlike the SQL standard. */
function endOfBlockComment(sql: string, start: number): number {
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
  return sql.length;
}

function readToken(sql: string, i: number): { kind: SqlTokenKind; end: number } {
  const rest = sql.slice(i);
  const ch = sql[i]!;
  if (rest.startsWith('--')) {
    const nl = sql.indexOf('\n', i);
    return { kind: 'comment', end: nl === -1 ? sql.length : nl };
  }
  if (rest.startsWith('/*')) return { kind: 'comment', end: endOfBlockComment(sql, i) };
  if (ch === "'") return { kind: 'string', end: endOfQuoted(sql, i, "'", false) };
  if ((ch === 'E' || ch === 'e') && sql[i + 1] === "'") return { kind: 'string', end: endOfQuoted(sql, i + 1, "'", true) };
  if (ch === '"') return { kind: 'identifier', end: endOfQuoted(sql, i, '"', false) };
  if (ch === '$') {
    const param = PARAMETER.exec(rest);
    if (param) return { kind: 'parameter', end: i + param[0].length };
    const tag = DOLLAR_TAG.exec(rest);
    if (tag) {
      const close = sql.indexOf(tag[0], i + tag[0].length);
      return { kind: 'string', end: close === -1 ? sql.length : close + tag[0].length };
    }
  }
  const word = WORD.exec(rest);
  if (word) return { kind: KEYWORDS.has(word[0].toLowerCase()) ? 'keyword' : 'text', end: i + word[0].length };
  const number = NUMBER.exec(rest);
  if (number) return { kind: 'number', end: i + number[0].length };
  return { kind: 'text', end: i + 1 };
}

/**
 * Splits SQL into display tokens. It is a highlighter, not a parser: it never fails, keeps every
 * character (the tokens' texts joined give back the input), and merges adjacent plain text.
 */
export function tokenizeSql(sql: string): SqlToken[] {
  const tokens: SqlToken[] = [];
  let i = 0;
  while (i < sql.length) {
    const { kind, end } = readToken(sql, i);
    const text = sql.slice(i, end);
    const last = tokens[tokens.length - 1];
    if (kind === 'text' && last?.kind === 'text') last.text += text;
    else tokens.push({ kind, text });
    i = end;
  }
  return tokens;
}
