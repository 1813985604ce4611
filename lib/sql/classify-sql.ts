import { classifyStatement } from './classify-statement';
import { LruCache } from './lru-cache';
import { assertSqlParserReady, parseStatements } from './pg-parser';
import type { Classification, StatementFlag, StatementInfo } from './statement-types';
import { statementText } from './statement-text';
import { literalKey } from './literal-key';

export { initSqlParser } from './pg-parser';
export { STATEMENT_FLAGS, STATEMENT_KINDS } from './statement-types';
export type { Classification, StatementFlag, StatementInfo, StatementKind } from './statement-types';

/** Larger texts are refused unparsed: parsing is synchronous, about 0.5 to 2 ms per KiB. */
export const MAX_SQL_BYTES = 1024 * 1024;
const CACHE_ENTRIES = 5_000;
/** In UTF-16 code units: cheap to check before the cache lookup. */
const MAX_CACHED_LENGTH = 8 * 1024;

const cache = new LruCache<string, Classification>(CACHE_ENTRIES);

function union<T>(lists: T[][]): T[] {
  return [...new Set(lists.flat())];
}

function refuse(error: string): Classification {
  return { ok: false, error };
}

function classifyUncached(sql: string): Classification {
  const utf8 = Buffer.from(sql, 'utf8');
  if (utf8.length > MAX_SQL_BYTES) return refuse(`SQL text of ${utf8.length} bytes exceeds the ${MAX_SQL_BYTES}-byte limit`);
  // The wire protocol ends a query string at the first NUL; the parser would silently do the same.
  if (sql.includes('\0')) return refuse('SQL text contains a NUL byte');
  // PostgreSQL answers an empty or comment-only query with EmptyQueryResponse; libpg_query throws on ''.
  if (sql === '') return emptyClassification();
  try {
    const statements: StatementInfo[] = parseStatements(sql).map((raw) =>
      classifyStatement(raw.stmt, statementText(sql, utf8, raw.stmt_location, raw.stmt_len)),
    );
    if (statements.length === 0) return emptyClassification();
    const flags = union<StatementFlag>(statements.map((s) => s.flags));
    if (statements.length > 1) flags.push('multi-statement');
    return {
      ok: true,
      statements,
      flags,
      kinds: union(statements.map((s) => [s.kind])),
      tables: union(statements.map((s) => s.tables)),
      functions: union(statements.map((s) => s.functions)),
    };
  } catch (error) {
    // The parser (and our walk) recurse; a few thousand levels of nesting exhaust the stack.
    if (error instanceof RangeError) return refuse('SQL is nested too deeply to classify');
    return refuse(error instanceof Error ? error.message : String(error));
  }
}

function emptyClassification(): Classification {
  return { ok: true, statements: [], flags: [], kinds: [], tables: [], functions: [] };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/**
 * Classifies every statement in a simple-query string with PostgreSQL's own parser. Fails closed:
 * text that does not parse is `ok: false` with the parser's message. Results are cached by exact
 * text and frozen, since the same object is handed to every caller. A single statement is also
 * cached under its literal key (numbers replaced, see literal-key.ts), so `... WHERE id = 7` after
 * `... WHERE id = 5` is not parsed again; it gets the same classification with its own text.
 */
export function classifySql(sql: string): Classification {
  assertSqlParserReady();
  const isCacheable = sql.length <= MAX_CACHED_LENGTH;
  if (!isCacheable) return deepFreeze(classifyUncached(sql));
  const cached = cache.get(sql);
  if (cached) return cached;
  const literal = literalKey(sql);
  const shared = literal === null ? undefined : cache.get(LITERAL_KEY_PREFIX + literal.key);
  const result = deepFreeze(shared && literal ? withOwnText(shared, literal.statement) : classifyUncached(sql));
  cache.set(sql, result);
  if (literal && !shared && result.ok && result.statements.length === 1) cache.set(LITERAL_KEY_PREFIX + literal.key, result);
  return result;
}

/** Raw texts never contain NUL (refused above), so prefixed keys cannot collide with them. */
const LITERAL_KEY_PREFIX = '\0';

/** A literal key only exists for a single statement; it takes the new text in place of the first one's. */
function withOwnText(shared: Classification, statement: string): Classification {
  if (!shared.ok) return shared;
  return { ...shared, statements: shared.statements.map((s) => ({ ...s, text: statement })) };
}
