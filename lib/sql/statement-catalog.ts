import type { StatementFlag, StatementKind } from './statement-types';

type CatalogEntry = readonly [kind: StatementKind, command: string, flags?: readonly StatementFlag[]];

/**
 * Statements whose kind and command follow from the node type alone. Types computed from their
 * fields (SELECT INTO, COPY, EXPLAIN, SET, DROP, ALTER TABLE, ...) are in describe-statement.ts;
 * anything in neither is 'unknown'. Commands follow PostgreSQL's command tags
 * (https://www.postgresql.org/docs/current/protocol-message-formats.html, CommandComplete).
 */
export const STATEMENT_CATALOG: Readonly<Record<string, CatalogEntry>> = {
  InsertStmt: ['write', 'INSERT'],
  UpdateStmt: ['write', 'UPDATE'],
  DeleteStmt: ['write', 'DELETE'],
  MergeStmt: ['write', 'MERGE'],

  VariableShowStmt: ['read', 'SHOW'],
  ClosePortalStmt: ['read', 'CLOSE CURSOR'],

  DiscardStmt: ['utility', 'DISCARD'],
  ListenStmt: ['utility', 'LISTEN'],
  UnlistenStmt: ['utility', 'UNLISTEN'],
  NotifyStmt: ['utility', 'NOTIFY'],
  CheckPointStmt: ['utility', 'CHECKPOINT'],
  LockStmt: ['utility', 'LOCK', ['lock']],
  DeallocateStmt: ['utility', 'DEALLOCATE'],
  LoadStmt: ['utility', 'LOAD'],
  ClusterStmt: ['utility', 'CLUSTER'],
  ReindexStmt: ['utility', 'REINDEX'],
  ConstraintsSetStmt: ['utility', 'SET CONSTRAINTS'],
  RefreshMatViewStmt: ['utility', 'REFRESH MATERIALIZED VIEW'],

  CreateRoleStmt: ['dcl', 'CREATE ROLE'],
  AlterRoleStmt: ['dcl', 'ALTER ROLE'],
  AlterRoleSetStmt: ['dcl', 'ALTER ROLE'],
  DropRoleStmt: ['dcl', 'DROP ROLE', ['drop']],
  AlterDefaultPrivilegesStmt: ['dcl', 'ALTER DEFAULT PRIVILEGES'],
  ReassignOwnedStmt: ['dcl', 'REASSIGN OWNED'],
  DropOwnedStmt: ['dcl', 'DROP OWNED', ['drop']],

  DoStmt: ['unknown', 'DO', ['do-block', 'dynamic-sql']],
  ExecuteStmt: ['unknown', 'EXECUTE', ['dynamic-sql']],
  CallStmt: ['unknown', 'CALL', ['dynamic-sql']],

  AlterSystemStmt: ['ddl', 'ALTER SYSTEM', ['alter-system']],
  TruncateStmt: ['ddl', 'TRUNCATE', ['truncate']],
  CreateStmt: ['ddl', 'CREATE TABLE'],
  CreateForeignTableStmt: ['ddl', 'CREATE FOREIGN TABLE'],
  IndexStmt: ['ddl', 'CREATE INDEX'],
  ViewStmt: ['ddl', 'CREATE VIEW'],
  CreateSeqStmt: ['ddl', 'CREATE SEQUENCE'],
  AlterSeqStmt: ['ddl', 'ALTER SEQUENCE'],
  CreateSchemaStmt: ['ddl', 'CREATE SCHEMA'],
  CreateExtensionStmt: ['ddl', 'CREATE EXTENSION'],
  AlterExtensionStmt: ['ddl', 'ALTER EXTENSION'],
  AlterExtensionContentsStmt: ['ddl', 'ALTER EXTENSION'],
  CreateTrigStmt: ['ddl', 'CREATE TRIGGER'],
  CreateEventTrigStmt: ['ddl', 'CREATE EVENT TRIGGER'],
  AlterEventTrigStmt: ['ddl', 'ALTER EVENT TRIGGER'],
  RuleStmt: ['ddl', 'CREATE RULE'],
  CreatePLangStmt: ['ddl', 'CREATE LANGUAGE'],
  CompositeTypeStmt: ['ddl', 'CREATE TYPE'],
  CreateEnumStmt: ['ddl', 'CREATE TYPE'],
  CreateRangeStmt: ['ddl', 'CREATE TYPE'],
  AlterEnumStmt: ['ddl', 'ALTER TYPE'],
  AlterTypeStmt: ['ddl', 'ALTER TYPE'],
  CreateDomainStmt: ['ddl', 'CREATE DOMAIN'],
  AlterDomainStmt: ['ddl', 'ALTER DOMAIN'],
  CreateOpClassStmt: ['ddl', 'CREATE OPERATOR CLASS'],
  CreateOpFamilyStmt: ['ddl', 'CREATE OPERATOR FAMILY'],
  AlterOpFamilyStmt: ['ddl', 'ALTER OPERATOR FAMILY'],
  AlterOperatorStmt: ['ddl', 'ALTER OPERATOR'],
  CreateCastStmt: ['ddl', 'CREATE CAST'],
  CreateTransformStmt: ['ddl', 'CREATE TRANSFORM'],
  CreateConversionStmt: ['ddl', 'CREATE CONVERSION'],
  AlterCollationStmt: ['ddl', 'ALTER COLLATION'],
  CreateAmStmt: ['ddl', 'CREATE ACCESS METHOD'],
  CreateStatsStmt: ['ddl', 'CREATE STATISTICS'],
  AlterStatsStmt: ['ddl', 'ALTER STATISTICS'],
  CreateFdwStmt: ['ddl', 'CREATE FOREIGN DATA WRAPPER'],
  AlterFdwStmt: ['ddl', 'ALTER FOREIGN DATA WRAPPER'],
  CreateForeignServerStmt: ['ddl', 'CREATE SERVER'],
  AlterForeignServerStmt: ['ddl', 'ALTER SERVER'],
  CreateUserMappingStmt: ['ddl', 'CREATE USER MAPPING'],
  AlterUserMappingStmt: ['ddl', 'ALTER USER MAPPING'],
  DropUserMappingStmt: ['ddl', 'DROP USER MAPPING', ['drop']],
  ImportForeignSchemaStmt: ['ddl', 'IMPORT FOREIGN SCHEMA'],
  CreatePolicyStmt: ['ddl', 'CREATE POLICY'],
  AlterPolicyStmt: ['ddl', 'ALTER POLICY'],
  CreateTableSpaceStmt: ['ddl', 'CREATE TABLESPACE'],
  DropTableSpaceStmt: ['ddl', 'DROP TABLESPACE', ['drop']],
  AlterTableSpaceOptionsStmt: ['ddl', 'ALTER TABLESPACE'],
  CreatedbStmt: ['ddl', 'CREATE DATABASE'],
  AlterDatabaseStmt: ['ddl', 'ALTER DATABASE'],
  AlterDatabaseSetStmt: ['ddl', 'ALTER DATABASE'],
  AlterDatabaseRefreshCollStmt: ['ddl', 'ALTER DATABASE'],
  DropdbStmt: ['ddl', 'DROP DATABASE', ['drop']],
  CommentStmt: ['ddl', 'COMMENT'],
  SecLabelStmt: ['ddl', 'SECURITY LABEL'],
  AlterTSDictionaryStmt: ['ddl', 'ALTER TEXT SEARCH DICTIONARY'],
  AlterTSConfigurationStmt: ['ddl', 'ALTER TEXT SEARCH CONFIGURATION'],
  CreatePublicationStmt: ['ddl', 'CREATE PUBLICATION'],
  AlterPublicationStmt: ['ddl', 'ALTER PUBLICATION'],
  CreateSubscriptionStmt: ['ddl', 'CREATE SUBSCRIPTION'],
  AlterSubscriptionStmt: ['ddl', 'ALTER SUBSCRIPTION'],
  DropSubscriptionStmt: ['ddl', 'DROP SUBSCRIPTION', ['drop']],
};

const OBJECT_TYPE_NAMES: Readonly<Record<string, string>> = {
  OBJECT_MATVIEW: 'MATERIALIZED VIEW',
  OBJECT_FDW: 'FOREIGN DATA WRAPPER',
  OBJECT_FOREIGN_SERVER: 'SERVER',
  OBJECT_TSCONFIGURATION: 'TEXT SEARCH CONFIGURATION',
  OBJECT_TSDICTIONARY: 'TEXT SEARCH DICTIONARY',
  OBJECT_TSPARSER: 'TEXT SEARCH PARSER',
  OBJECT_TSTEMPLATE: 'TEXT SEARCH TEMPLATE',
  OBJECT_OPCLASS: 'OPERATOR CLASS',
  OBJECT_OPFAMILY: 'OPERATOR FAMILY',
  OBJECT_STATISTIC_EXT: 'STATISTICS',
  OBJECT_LARGEOBJECT: 'LARGE OBJECT',
  OBJECT_COLUMN: 'TABLE',
  OBJECT_TABCONSTRAINT: 'TABLE',
  OBJECT_DOMCONSTRAINT: 'DOMAIN',
  OBJECT_ATTRIBUTE: 'TYPE',
};

/** 'OBJECT_FOREIGN_TABLE' -> 'FOREIGN TABLE', for commands like 'ALTER FOREIGN TABLE'. */
export function objectTypeName(objectType: unknown): string {
  const raw = String(objectType ?? 'OBJECT_TABLE');
  return OBJECT_TYPE_NAMES[raw] ?? raw.replace(/^OBJECT_/, '').replaceAll('_', ' ');
}
