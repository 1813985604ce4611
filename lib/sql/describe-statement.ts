import { asArray, fieldsOf, wrappedNode, type AstObject } from './ast';
import { isExplainAnalyze } from './explain-options';
import { objectTypeName, STATEMENT_CATALOG } from './statement-catalog';
import { LEXER_SETTINGS, type StatementFlag, type StatementKind } from './statement-types';

export type StatementShape = { kind: StatementKind; command: string; flags: StatementFlag[] };

const UNKNOWN: StatementShape = { kind: 'unknown', command: 'UNKNOWN', flags: [] };

const TRANSACTION_COMMANDS: Readonly<Record<string, string>> = {
  TRANS_STMT_BEGIN: 'BEGIN',
  TRANS_STMT_START: 'START TRANSACTION',
  TRANS_STMT_COMMIT: 'COMMIT',
  TRANS_STMT_ROLLBACK: 'ROLLBACK',
  TRANS_STMT_SAVEPOINT: 'SAVEPOINT',
  TRANS_STMT_RELEASE: 'RELEASE',
  TRANS_STMT_ROLLBACK_TO: 'ROLLBACK',
  TRANS_STMT_PREPARE: 'PREPARE TRANSACTION',
  TRANS_STMT_COMMIT_PREPARED: 'COMMIT PREPARED',
  TRANS_STMT_ROLLBACK_PREPARED: 'ROLLBACK PREPARED',
};

/** Shape of the statement a wrapper (PREPARE, EXPLAIN, COPY (query), DECLARE) carries. */
function describeNode(node: unknown): StatementShape {
  const inner = wrappedNode(node);
  return inner ? describeStatement(inner.type, inner.fields) : UNKNOWN;
}

function wrap(command: string, query: unknown): StatementShape {
  const inner = describeNode(query);
  return { kind: inner.kind, command, flags: inner.flags };
}

function describeSelect(fields: AstObject): StatementShape {
  if (fields.intoClause) return { kind: 'ddl', command: 'SELECT', flags: ['select-into'] };
  const flags: StatementFlag[] = asArray(fields.lockingClause).length > 0 ? ['lock'] : [];
  return { kind: 'read', command: 'SELECT', flags };
}

/** The server-file and PROGRAM forms run as the database server's OS user. */
function describeCopy(fields: AstObject): StatementShape {
  if (fields.is_program) return { kind: 'utility', command: 'COPY', flags: ['copy-program'] };
  if (fields.filename !== undefined) return { kind: 'utility', command: 'COPY', flags: ['copy-file'] };
  if (fields.query) return wrap('COPY', fields.query);
  return { kind: fields.is_from ? 'write' : 'read', command: 'COPY', flags: [] };
}

function describeExplain(fields: AstObject): StatementShape {
  if (isExplainAnalyze(fields)) return wrap('EXPLAIN', fields.query);
  return { kind: 'read', command: 'EXPLAIN', flags: [] };
}

function describeSet(fields: AstObject): StatementShape {
  const isReset = fields.kind === 'VAR_RESET' || fields.kind === 'VAR_RESET_ALL';
  const name = String(fields.name ?? '').toLowerCase();
  const flags: StatementFlag[] = [];
  if (name === 'role') flags.push('set-role');
  if (name === 'session_authorization') flags.push('session-authorization');
  if (name === 'search_path') flags.push('search-path');
  if ((LEXER_SETTINGS as readonly string[]).includes(name)) flags.push('lexer-setting');
  return { kind: 'utility', command: isReset ? 'RESET' : 'SET', flags };
}

function describeAlterTable(fields: AstObject): StatementShape {
  const dropsColumn = asArray(fields.cmds).some((cmd) => fieldsOf(cmd, 'AlterTableCmd')?.subtype === 'AT_DropColumn');
  return { kind: 'ddl', command: `ALTER ${objectTypeName(fields.objtype)}`, flags: dropsColumn ? ['drop'] : [] };
}

function describeComputed(type: string, fields: AstObject): StatementShape | null {
  switch (type) {
    case 'SelectStmt':
      return describeSelect(fields);
    case 'CopyStmt':
      return describeCopy(fields);
    case 'ExplainStmt':
      return describeExplain(fields);
    case 'PrepareStmt':
      return wrap('PREPARE', fields.query);
    case 'DeclareCursorStmt':
      return wrap('DECLARE CURSOR', fields.query);
    case 'FetchStmt':
      return { kind: 'read', command: fields.ismove ? 'MOVE' : 'FETCH', flags: [] };
    case 'VariableSetStmt':
      return describeSet(fields);
    case 'VacuumStmt':
      return { kind: 'utility', command: fields.is_vacuumcmd ? 'VACUUM' : 'ANALYZE', flags: [] };
    case 'TransactionStmt': {
      const command = TRANSACTION_COMMANDS[String(fields.kind)];
      return command ? { kind: 'transaction', command, flags: [] } : UNKNOWN;
    }
    case 'GrantStmt':
      return { kind: 'dcl', command: fields.is_grant ? 'GRANT' : 'REVOKE', flags: [] };
    case 'GrantRoleStmt':
      return { kind: 'dcl', command: fields.is_grant ? 'GRANT ROLE' : 'REVOKE ROLE', flags: [] };
    case 'DropStmt':
      return { kind: 'ddl', command: 'DROP', flags: ['drop'] };
    case 'AlterTableStmt':
      return describeAlterTable(fields);
    case 'AlterTableMoveAllStmt':
      return { kind: 'ddl', command: `ALTER ${objectTypeName(fields.objtype)}`, flags: [] };
    case 'CreateTableAsStmt':
      return { kind: 'ddl', command: fields.objtype === 'OBJECT_MATVIEW' ? 'CREATE MATERIALIZED VIEW' : 'CREATE TABLE AS', flags: [] };
    case 'CreateFunctionStmt':
      return { kind: 'ddl', command: fields.is_procedure ? 'CREATE PROCEDURE' : 'CREATE FUNCTION', flags: [] };
    case 'AlterFunctionStmt':
      return { kind: 'ddl', command: `ALTER ${objectTypeName(fields.objtype ?? 'OBJECT_FUNCTION')}`, flags: [] };
    case 'DefineStmt':
      return { kind: 'ddl', command: `CREATE ${objectTypeName(fields.kind)}`, flags: [] };
    case 'RenameStmt':
      return { kind: 'ddl', command: `ALTER ${objectTypeName(fields.renameType)}`, flags: [] };
    case 'AlterObjectSchemaStmt':
    case 'AlterOwnerStmt':
    case 'AlterObjectDependsStmt':
      return { kind: 'ddl', command: `ALTER ${objectTypeName(fields.objectType)}`, flags: [] };
    default:
      return null;
  }
}

/** Kind, command and the flags that follow from the statement node itself (not from what it contains). */
export function describeStatement(type: string, fields: AstObject): StatementShape {
  const computed = describeComputed(type, fields);
  if (computed) return computed;
  const entry = STATEMENT_CATALOG[type];
  if (!entry) return UNKNOWN;
  const [kind, command, flags = []] = entry;
  return { kind, command, flags: [...flags] };
}
