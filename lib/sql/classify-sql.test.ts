import { beforeAll, describe, expect, it } from 'vitest';
import { classifySql, initSqlParser, MAX_SQL_BYTES, type StatementFlag, type StatementInfo } from './classify-sql';

beforeAll(() => initSqlParser());

type Case = {
  sql: string;
  kind: StatementInfo['kind'];
  command: string;
  tables?: string[];
  functions?: string[];
  flags?: StatementFlag[];
};

function only(sql: string): StatementInfo {
  const result = classifySql(sql);
  if (!result.ok) throw new Error(`expected ${sql} to parse: ${result.error}`);
  expect(result.statements).toHaveLength(1);
  return result.statements[0] as StatementInfo;
}

const cases: Case[] = [
  // reads
  { sql: 'SELECT 1', kind: 'read', command: 'SELECT' },
  { sql: 'select * from payments', kind: 'read', command: 'SELECT', tables: ['public.payments'] },
  { sql: 'VALUES (1), (2)', kind: 'read', command: 'SELECT' },
  { sql: 'TABLE payments', kind: 'read', command: 'SELECT', tables: ['public.payments'] },
  { sql: 'SHOW search_path', kind: 'read', command: 'SHOW' },
  { sql: 'EXPLAIN DELETE FROM payments', kind: 'read', command: 'EXPLAIN', tables: ['public.payments'] },
  { sql: 'EXPLAIN (ANALYZE off) DELETE FROM payments', kind: 'read', command: 'EXPLAIN', tables: ['public.payments'] },
  { sql: 'EXPLAIN ANALYZE SELECT * FROM payments', kind: 'read', command: 'EXPLAIN', tables: ['public.payments'] },
  { sql: 'COPY payments TO STDOUT', kind: 'read', command: 'COPY', tables: ['public.payments'] },
  { sql: 'COPY (SELECT id FROM payments) TO STDOUT', kind: 'read', command: 'COPY', tables: ['public.payments'] },
  { sql: 'DECLARE c CURSOR FOR SELECT * FROM payments', kind: 'read', command: 'DECLARE CURSOR', tables: ['public.payments'] },
  { sql: 'FETCH 10 FROM c', kind: 'read', command: 'FETCH' },
  { sql: 'CLOSE c', kind: 'read', command: 'CLOSE CURSOR' },
  { sql: 'SELECT * FROM payments FOR UPDATE', kind: 'read', command: 'SELECT', tables: ['public.payments'], flags: ['lock'] },
  {
    sql: 'select * from public.payments p join "Customers" c on c.id = p.customer_id',
    kind: 'read',
    command: 'SELECT',
    tables: ['public.payments', 'public.Customers'],
  },
  {
    sql: 'SELECT count(*), lower(name), now(), x::regclass FROM billing.Invoices WHERE id IN (SELECT invoice_id FROM refunds)',
    kind: 'read',
    command: 'SELECT',
    tables: ['billing.invoices', 'public.refunds'],
    functions: ['count', 'lower', 'now'],
  },
  {
    sql: "select extract(year from now()), trim(x), substring(x from 2), position('a' in x) from t",
    kind: 'read',
    command: 'SELECT',
    tables: ['public.t'],
    functions: ['pg_catalog.extract', 'now', 'pg_catalog.btrim', 'pg_catalog.substring', 'pg_catalog.position'],
  },
  { sql: 'SELECT * FROM generate_series(1, 3) g', kind: 'read', command: 'SELECT', functions: ['generate_series'] },
  { sql: 'select * from pg_authid', kind: 'read', command: 'SELECT', tables: ['pg_catalog.pg_authid'] },
  { sql: 'select * from mydb.billing.invoices', kind: 'read', command: 'SELECT', tables: ['billing.invoices'] },
  { sql: "select $x$;DROP TABLE t;$x$", kind: 'read', command: 'SELECT' },
  { sql: "select 'a; drop table x'", kind: 'read', command: 'SELECT' },
  { sql: "select E'\\'; drop table x; --'", kind: 'read', command: 'SELECT' },
  { sql: 'SELECT 1 -- ; DROP TABLE payments', kind: 'read', command: 'SELECT' },
  { sql: 'SELECT /* ; DROP TABLE payments */ 1', kind: 'read', command: 'SELECT' },

  // CTE names are not tables, but only where they are in scope
  { sql: 'WITH d AS (SELECT * FROM payments) SELECT * FROM d', kind: 'read', command: 'SELECT', tables: ['public.payments'] },
  {
    sql: 'select * from secrets, (with secrets as (select 1) select * from secrets) x',
    kind: 'read',
    command: 'SELECT',
    tables: ['public.secrets'],
  },
  { sql: 'WITH payments AS (SELECT * FROM payments) SELECT * FROM payments', kind: 'read', command: 'SELECT', tables: ['public.payments'] },
  { sql: 'WITH RECURSIVE t AS (SELECT 1 UNION ALL SELECT * FROM t) SELECT * FROM t', kind: 'read', command: 'SELECT', tables: [] },
  { sql: 'WITH x AS (SELECT 1) SELECT * FROM public.x', kind: 'read', command: 'SELECT', tables: ['public.x'] },

  // writes
  { sql: 'INSERT INTO payments (id) VALUES (1)', kind: 'write', command: 'INSERT', tables: ['public.payments'] },
  {
    sql: 'insert into t values (1) on conflict (id) do update set x = (select secret from secrets) returning (select 1 from audit)',
    kind: 'write',
    command: 'INSERT',
    tables: ['public.t', 'public.secrets', 'public.audit'],
  },
  { sql: 'UPDATE payments SET amount = 0 WHERE id = 1', kind: 'write', command: 'UPDATE', tables: ['public.payments'] },
  { sql: 'DELETE FROM payments WHERE id = 1', kind: 'write', command: 'DELETE', tables: ['public.payments'] },
  { sql: 'DELETE FROM payments WHERE CURRENT OF c', kind: 'write', command: 'DELETE', tables: ['public.payments'] },
  { sql: 'delete from payments where active', kind: 'write', command: 'DELETE', tables: ['public.payments'] },
  { sql: 'delete from payments where id > 5 and true', kind: 'write', command: 'DELETE', tables: ['public.payments'] },
  {
    sql: 'MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE',
    kind: 'write',
    command: 'MERGE',
    tables: ['public.t', 'public.s'],
  },
  { sql: 'COPY payments FROM STDIN', kind: 'write', command: 'COPY', tables: ['public.payments'] },

  // unfiltered DELETE / UPDATE
  { sql: '/* x */ DeLeTe FROM payments', kind: 'write', command: 'DELETE', tables: ['public.payments'], flags: ['delete-without-where'] },
  { sql: 'delete from payments -- where id=1', kind: 'write', command: 'DELETE', tables: ['public.payments'], flags: ['delete-without-where'] },
  { sql: 'DELETE FROM payments WHERE 1=1', kind: 'write', command: 'DELETE', tables: ['public.payments'], flags: ['delete-without-where'] },
  { sql: "DELETE FROM payments WHERE 'a'='a'", kind: 'write', command: 'DELETE', tables: ['public.payments'], flags: ['delete-without-where'] },
  { sql: 'DELETE FROM payments WHERE true', kind: 'write', command: 'DELETE', tables: ['public.payments'], flags: ['delete-without-where'] },
  { sql: 'DELETE FROM payments WHERE NOT false', kind: 'write', command: 'DELETE', tables: ['public.payments'], flags: ['delete-without-where'] },
  { sql: 'DELETE FROM payments WHERE id = id', kind: 'write', command: 'DELETE', tables: ['public.payments'], flags: ['delete-without-where'] },
  { sql: 'DELETE FROM payments WHERE id > 5 OR 1=1', kind: 'write', command: 'DELETE', tables: ['public.payments'], flags: ['delete-without-where'] },
  { sql: 'UPDATE payments SET amount = 0', kind: 'write', command: 'UPDATE', tables: ['public.payments'], flags: ['update-without-where'] },
  {
    sql: 'update payments set amount = 0 where not (id <> id)',
    kind: 'write',
    command: 'UPDATE',
    tables: ['public.payments'],
    flags: ['update-without-where'],
  },
  {
    sql: 'WITH payments AS (SELECT 1) DELETE FROM payments',
    kind: 'write',
    command: 'DELETE',
    tables: ['public.payments'],
    flags: ['delete-without-where'],
  },

  // DML hidden in a read
  {
    sql: 'WITH d AS (DELETE FROM payments RETURNING *) SELECT * FROM d',
    kind: 'write',
    command: 'SELECT',
    tables: ['public.payments'],
    flags: ['dml-in-cte', 'delete-without-where'],
  },
  {
    sql: 'WITH i AS (INSERT INTO audit VALUES (1) RETURNING id) SELECT * FROM i',
    kind: 'write',
    command: 'SELECT',
    tables: ['public.audit'],
    flags: ['dml-in-cte'],
  },
  {
    sql: 'EXPLAIN ANALYZE DELETE FROM payments WHERE id=1',
    kind: 'write',
    command: 'EXPLAIN',
    tables: ['public.payments'],
    flags: ['explain-analyze-write'],
  },
  {
    sql: 'EXPLAIN (ANALYZE, BUFFERS) UPDATE payments SET amount = 0',
    kind: 'write',
    command: 'EXPLAIN',
    tables: ['public.payments'],
    flags: ['update-without-where', 'explain-analyze-write'],
  },
  {
    sql: 'EXPLAIN ANALYZE WITH d AS (DELETE FROM payments WHERE id = 1 RETURNING 1) SELECT 1',
    kind: 'write',
    command: 'EXPLAIN',
    tables: ['public.payments'],
    flags: ['dml-in-cte', 'explain-analyze-write'],
  },
  {
    sql: 'COPY (DELETE FROM payments RETURNING *) TO STDOUT',
    kind: 'write',
    command: 'COPY',
    tables: ['public.payments'],
    flags: ['delete-without-where'],
  },

  // functions
  { sql: 'select delete_everything()', kind: 'write', command: 'SELECT', functions: ['delete_everything'], flags: ['unsafe-function'] },
  { sql: "select nextval('payments_id_seq')", kind: 'write', command: 'SELECT', functions: ['nextval'], flags: ['unsafe-function'] },
  {
    sql: "select pg_terminate_backend(pid) from pg_stat_activity",
    kind: 'write',
    command: 'SELECT',
    tables: ['pg_catalog.pg_stat_activity'],
    functions: ['pg_terminate_backend'],
    flags: ['unsafe-function'],
  },
  {
    sql: "select pg_read_file('/etc/passwd')",
    kind: 'write',
    command: 'SELECT',
    functions: ['pg_read_file'],
    flags: ['unsafe-function'],
  },
  {
    sql: "select lower('A'), myschema.lower('a')",
    kind: 'write',
    command: 'SELECT',
    functions: ['lower', 'myschema.lower'],
    flags: ['unsafe-function'],
  },
  {
    sql: "select set_config('role','postgres',false)",
    kind: 'write',
    command: 'SELECT',
    functions: ['set_config'],
    flags: ['unsafe-function', 'set-config', 'set-role'],
  },
  {
    sql: "SELECT pg_catalog.set_config('session_authorization', 'postgres', false)",
    kind: 'write',
    command: 'SELECT',
    functions: ['pg_catalog.set_config'],
    flags: ['unsafe-function', 'set-config', 'session-authorization'],
  },
  {
    sql: "select set_config(name, 'x', false) from settings",
    kind: 'write',
    command: 'SELECT',
    tables: ['public.settings'],
    functions: ['set_config'],
    flags: ['unsafe-function', 'set-config', 'set-role'],
  },
  {
    sql: "select set_config('search_path', 'evil', false)",
    kind: 'write',
    command: 'SELECT',
    functions: ['set_config'],
    flags: ['unsafe-function', 'set-config', 'search-path'],
  },
  {
    sql: 'SELECT * FROM payments WHERE id = (SELECT audit_log(1))',
    kind: 'write',
    command: 'SELECT',
    tables: ['public.payments'],
    functions: ['audit_log'],
    flags: ['unsafe-function'],
  },

  // DDL
  { sql: 'SELECT * INTO copy_of_payments FROM payments', kind: 'ddl', command: 'SELECT', tables: ['public.copy_of_payments', 'public.payments'], flags: ['select-into'] },
  { sql: 'CREATE TABLE x(id int)', kind: 'ddl', command: 'CREATE TABLE', tables: ['public.x'] },
  { sql: 'CREATE TABLE x AS SELECT * FROM payments', kind: 'ddl', command: 'CREATE TABLE AS', tables: ['public.payments', 'public.x'] },
  { sql: 'ALTER TABLE payments ADD COLUMN note text', kind: 'ddl', command: 'ALTER TABLE', tables: ['public.payments'] },
  { sql: 'ALTER TABLE payments DROP COLUMN note', kind: 'ddl', command: 'ALTER TABLE', tables: ['public.payments'], flags: ['drop'] },
  { sql: 'ALTER TABLE payments RENAME TO old_payments', kind: 'ddl', command: 'ALTER TABLE', tables: ['public.payments'] },
  { sql: 'CREATE INDEX i ON payments (lower(email))', kind: 'ddl', command: 'CREATE INDEX', tables: ['public.payments'], functions: ['lower'] },
  { sql: 'CREATE VIEW v AS SELECT * FROM payments', kind: 'ddl', command: 'CREATE VIEW', tables: ['public.v', 'public.payments'] },
  { sql: 'DROP TABLE payments', kind: 'ddl', command: 'DROP', tables: ['public.payments'], flags: ['drop'] },
  { sql: 'DROP TABLE IF EXISTS billing.invoices, refunds CASCADE', kind: 'ddl', command: 'DROP', tables: ['billing.invoices', 'public.refunds'], flags: ['drop'] },
  { sql: 'DROP FUNCTION f(int)', kind: 'ddl', command: 'DROP', tables: [], flags: ['drop'] },
  { sql: 'DROP DATABASE production', kind: 'ddl', command: 'DROP DATABASE', flags: ['drop'] },
  { sql: 'TRUNCATE payments, refunds', kind: 'ddl', command: 'TRUNCATE', tables: ['public.payments', 'public.refunds'], flags: ['truncate'] },
  { sql: "COMMENT ON TABLE payments IS 'money'", kind: 'ddl', command: 'COMMENT', tables: ['public.payments'] },
  { sql: "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'select 1'", kind: 'ddl', command: 'CREATE FUNCTION' },
  {
    sql: 'CREATE PROCEDURE p() BEGIN ATOMIC DELETE FROM payments; END',
    kind: 'ddl',
    command: 'CREATE PROCEDURE',
    tables: ['public.payments'],
  },
  { sql: 'CREATE EXTENSION dblink', kind: 'ddl', command: 'CREATE EXTENSION' },
  { sql: 'ALTER SYSTEM SET x = 1', kind: 'ddl', command: 'ALTER SYSTEM', flags: ['alter-system'] },

  // DCL
  { sql: 'GRANT ALL ON payments TO public', kind: 'dcl', command: 'GRANT', tables: ['public.payments'] },
  { sql: 'REVOKE SELECT ON payments FROM bob', kind: 'dcl', command: 'REVOKE', tables: ['public.payments'] },
  { sql: 'GRANT admin TO bob', kind: 'dcl', command: 'GRANT ROLE' },
  { sql: "CREATE USER mallory PASSWORD 'x'", kind: 'dcl', command: 'CREATE ROLE' },
  { sql: 'ALTER ROLE bob SUPERUSER', kind: 'dcl', command: 'ALTER ROLE' },
  { sql: 'DROP ROLE bob', kind: 'dcl', command: 'DROP ROLE', flags: ['drop'] },
  { sql: 'ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO bob', kind: 'dcl', command: 'ALTER DEFAULT PRIVILEGES' },
  { sql: 'REASSIGN OWNED BY bob TO alice', kind: 'dcl', command: 'REASSIGN OWNED' },

  // transactions
  { sql: 'BEGIN', kind: 'transaction', command: 'BEGIN' },
  { sql: 'BEGIN READ WRITE', kind: 'transaction', command: 'BEGIN' },
  { sql: 'START TRANSACTION ISOLATION LEVEL SERIALIZABLE', kind: 'transaction', command: 'START TRANSACTION' },
  { sql: 'COMMIT', kind: 'transaction', command: 'COMMIT' },
  { sql: 'ROLLBACK', kind: 'transaction', command: 'ROLLBACK' },
  { sql: 'SAVEPOINT a', kind: 'transaction', command: 'SAVEPOINT' },
  { sql: 'ROLLBACK TO SAVEPOINT a', kind: 'transaction', command: 'ROLLBACK' },
  { sql: 'RELEASE SAVEPOINT a', kind: 'transaction', command: 'RELEASE' },
  { sql: "PREPARE TRANSACTION 'x'", kind: 'transaction', command: 'PREPARE TRANSACTION' },

  // utility
  { sql: "SET statement_timeout = '5s'", kind: 'utility', command: 'SET' },
  { sql: 'SET TRANSACTION ISOLATION LEVEL SERIALIZABLE', kind: 'utility', command: 'SET' },
  { sql: 'RESET ALL', kind: 'utility', command: 'RESET' },
  { sql: 'SET search_path = evil, public', kind: 'utility', command: 'SET', flags: ['search-path'] },
  { sql: 'SET ROLE postgres', kind: 'utility', command: 'SET', flags: ['set-role'] },
  { sql: 'set local role postgres', kind: 'utility', command: 'SET', flags: ['set-role'] },
  { sql: `SET "ROLE" = 'postgres'`, kind: 'utility', command: 'SET', flags: ['set-role'] },
  { sql: 'RESET ROLE', kind: 'utility', command: 'RESET', flags: ['set-role'] },
  { sql: 'SET SESSION AUTHORIZATION postgres', kind: 'utility', command: 'SET', flags: ['session-authorization'] },
  { sql: 'RESET SESSION AUTHORIZATION', kind: 'utility', command: 'RESET', flags: ['session-authorization'] },
  { sql: 'DISCARD ALL', kind: 'utility', command: 'DISCARD' },
  { sql: 'LISTEN jobs', kind: 'utility', command: 'LISTEN' },
  { sql: 'UNLISTEN *', kind: 'utility', command: 'UNLISTEN' },
  { sql: "NOTIFY jobs, 'x'", kind: 'utility', command: 'NOTIFY' },
  { sql: 'VACUUM ANALYZE payments', kind: 'utility', command: 'VACUUM', tables: ['public.payments'] },
  { sql: 'ANALYZE payments', kind: 'utility', command: 'ANALYZE', tables: ['public.payments'] },
  { sql: 'CHECKPOINT', kind: 'utility', command: 'CHECKPOINT' },
  { sql: 'LOCK payments IN ACCESS EXCLUSIVE MODE', kind: 'utility', command: 'LOCK', tables: ['public.payments'], flags: ['lock'] },
  { sql: 'DEALLOCATE ALL', kind: 'utility', command: 'DEALLOCATE' },
  { sql: "LOAD 'auto_explain'", kind: 'utility', command: 'LOAD' },
  { sql: 'CLUSTER payments', kind: 'utility', command: 'CLUSTER', tables: ['public.payments'] },
  { sql: 'REINDEX TABLE payments', kind: 'utility', command: 'REINDEX', tables: ['public.payments'] },
  { sql: 'COPY payments TO PROGRAM \'curl x\'', kind: 'utility', command: 'COPY', tables: ['public.payments'], flags: ['copy-program'] },
  { sql: "COPY payments FROM PROGRAM 'id'", kind: 'utility', command: 'COPY', tables: ['public.payments'], flags: ['copy-program'] },
  { sql: "COPY payments FROM '/etc/passwd'", kind: 'utility', command: 'COPY', tables: ['public.payments'], flags: ['copy-file'] },
  { sql: "COPY payments TO '/tmp/out.csv'", kind: 'utility', command: 'COPY', tables: ['public.payments'], flags: ['copy-file'] },

  // PREPARE takes its query's kind; EXECUTE, DO and CALL hide what they run
  { sql: 'PREPARE p AS DELETE FROM payments', kind: 'write', command: 'PREPARE', tables: ['public.payments'], flags: ['delete-without-where'] },
  { sql: 'PREPARE p (int) AS SELECT * FROM payments WHERE id = $1', kind: 'read', command: 'PREPARE', tables: ['public.payments'] },
  { sql: 'EXECUTE p', kind: 'unknown', command: 'EXECUTE', flags: ['dynamic-sql'] },
  { sql: 'DO $$ BEGIN DELETE FROM payments; END $$', kind: 'unknown', command: 'DO', flags: ['do-block', 'dynamic-sql'] },
  { sql: 'CALL archive_payments(30)', kind: 'unknown', command: 'CALL', functions: ['archive_payments'], flags: ['dynamic-sql', 'unsafe-function'] },
];

describe('classifySql', () => {
  it.each(cases)('$sql', ({ sql, kind, command, tables = [], functions = [], flags = [] }) => {
    const statement = only(sql);
    expect(statement.kind).toBe(kind);
    expect(statement.command).toBe(command);
    expect(statement.tables).toEqual(tables);
    expect(statement.functions).toEqual(functions);
    expect([...statement.flags].sort()).toEqual([...flags].sort());
  });

  it('splits a multi-statement string and unions what it found', () => {
    const result = classifySql('SELECT 1; DROP TABLE payments');
    expect(result).toMatchObject({
      ok: true,
      kinds: ['read', 'ddl'],
      tables: ['public.payments'],
      flags: ['drop', 'multi-statement'],
    });
    if (!result.ok) return;
    expect(result.statements.map((s) => [s.command, s.text])).toEqual([
      ['SELECT', 'SELECT 1'],
      ['DROP', 'DROP TABLE payments'],
    ]);
  });

  it('cuts statement texts by byte offsets, so non-ASCII text before them does not shift them', () => {
    const result = classifySql("select 'é€😀'; delete from payments where note = 'ü'; select 2");
    if (!result.ok) throw new Error(result.error);
    expect(result.statements.map((s) => s.text)).toEqual([
      "select 'é€😀'",
      "delete from payments where note = 'ü'",
      'select 2',
    ]);
  });

  it.each(['', '   ', '-- just a comment', '/* nothing */', ';'])('treats %j as an empty query', (sql) => {
    expect(classifySql(sql)).toMatchObject({ ok: true, statements: [], flags: [], kinds: [] });
  });

  it.each([
    ['selec 1', 'syntax error at or near "selec"'],
    ['SELECT * FROM', 'syntax error at end of input'],
    ["SELECT 'unterminated", 'unterminated quoted string at or near "\'unterminated"'],
    ['SELECT 1; DELET FROM payments', 'syntax error at or near "DELET"'],
  ])('refuses %j with the parser message', (sql, error) => {
    expect(classifySql(sql)).toEqual({ ok: false, error });
  });

  it('refuses text containing a NUL byte', () => {
    expect(classifySql('SELECT 1\0; DROP TABLE payments')).toMatchObject({ ok: false });
  });

  it.each([
    ['operators', `DELETE FROM payments WHERE ${'NOT '.repeat(5_000)}true`],
    ['subqueries', `SELECT * FROM ${'(SELECT * FROM '.repeat(5_000)}payments${') x'.repeat(5_000)}`],
  ])('refuses deeply nested %s instead of crashing', (_label, sql) => {
    expect(classifySql(sql).ok).toBe(false);
    expect(classifySql('SELECT 1').ok).toBe(true);
  });

  it('refuses text over MAX_SQL_BYTES without parsing it', () => {
    const result = classifySql(`SELECT '${'x'.repeat(MAX_SQL_BYTES)}'`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/exceeds the 1048576-byte limit/);
  });
});
