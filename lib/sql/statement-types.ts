import type { ColumnUses } from './column-uses';

/** What a statement does, coarsely; policy rules match on it. */
export const STATEMENT_KINDS = ['read', 'write', 'ddl', 'dcl', 'transaction', 'utility', 'unknown'] as const;
export type StatementKind = (typeof STATEMENT_KINDS)[number];

/** Facts about a statement that policy rules can single out. Documented in docs/policy.md. */
export const STATEMENT_FLAGS = [
  'delete-without-where',
  'update-without-where',
  'multi-statement',
  'dml-in-cte',
  'explain-analyze-write',
  'do-block',
  'dynamic-sql',
  'copy-program',
  'copy-file',
  'set-role',
  'session-authorization',
  'alter-system',
  'select-into',
  'drop',
  'truncate',
  'set-config',
  'unsafe-function',
  'lock',
  'search-path',
  'lexer-setting',
] as const;

/**
 * Settings that change how the server reads statement text (string escapes, byte encoding). A
 * session that changed them would no longer read statements as Gatehouse's parser does.
 */
export const LEXER_SETTINGS = ['standard_conforming_strings', 'client_encoding', 'backslash_quote'] as const;
export type StatementFlag = (typeof STATEMENT_FLAGS)[number];

export type StatementInfo = {
  kind: StatementKind;
  /** Upper-case, shaped like the PostgreSQL command tag: 'SELECT', 'DROP TABLE', 'CREATE ROLE'. */
  command: string;
  /** This statement's own text, without the separating semicolon. */
  text: string;
  /** Relations touched anywhere in the tree, 'schema.name'; unqualified names get 'public.' (or 'pg_catalog.' for pg_*). */
  tables: string[];
  /** Functions called anywhere, schema-qualified only when the parser saw a schema. */
  functions: string[];
  flags: StatementFlag[];
  /** Columns read, by name, for masking (see column-uses.ts). */
  uses: ColumnUses;
};

export type Classification =
  | {
      ok: true;
      statements: StatementInfo[];
      /** Union of the statements' flags, plus 'multi-statement' when there is more than one. */
      flags: StatementFlag[];
      kinds: StatementKind[];
      tables: string[];
      functions: string[];
    }
  | { ok: false; error: string };
