import { fingerprintSync, loadModule, parseSync } from 'libpg-query';

export type RawStatement = { stmt?: unknown; stmt_location?: number; stmt_len?: number };

let loading: Promise<void> | null = null;
let isReady = false;

/** Loads the PostgreSQL parser (WASM). Idempotent; await it once at start-up before classifySql. */
export function initSqlParser(): Promise<void> {
  loading ??= loadModule().then(
    () => {
      isReady = true;
    },
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

export function assertSqlParserReady(): void {
  if (!isReady) throw new Error('The SQL parser is not loaded: await initSqlParser() before calling classifySql()');
}

/** Throws the parser's own error (message like 'syntax error at or near "selec"') when the text does not parse. */
export function parseStatements(sql: string): RawStatement[] {
  assertSqlParserReady();
  return parseSync(sql).stmts as RawStatement[];
}

export function fingerprintSql(sql: string): string {
  assertSqlParserReady();
  return fingerprintSync(sql);
}
