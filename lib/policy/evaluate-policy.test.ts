import { beforeAll, describe, expect, it } from 'vitest';
import { classifySql, initSqlParser } from '../sql/classify-sql';
import { defaultPolicyRules } from './default-policy-rules';
import { evaluatePolicy, simulatePolicy, type PolicyIdentity } from './evaluate-policy';
import type { PolicyAction, PolicyRule } from './policy-rule-schema';

beforeAll(() => initSqlParser());

const USER: PolicyIdentity = { userId: 'u-user', role: 'user', tokenId: null };
const ADMIN: PolicyIdentity = { userId: 'u-admin', role: 'admin', tokenId: null };
const AGENT: PolicyIdentity = { userId: 'u-agent', role: 'user', tokenId: 't-agent' };

function rule(id: string, action: PolicyAction, match: PolicyRule['match'] = {}, extra: Partial<PolicyRule> = {}): PolicyRule {
  return { id, name: id, enabled: true, subject: {}, match, action, ...extra };
}

function decide(rules: PolicyRule[], sql: string, identity: PolicyIdentity = USER) {
  return evaluatePolicy(rules, { identity, classification: classifySql(sql) });
}

type Case = [label: string, rules: PolicyRule[], identity: PolicyIdentity, sql: string, action: PolicyAction, ruleId: string | null];

const allowReads = rule('allow-reads', 'allow', { kinds: ['read'] });

const cases: Case[] = [
  // subject
  ['role listed', [rule('admins', 'allow', {}, { subject: { roles: ['admin'] } })], ADMIN, 'SELECT 1', 'allow', 'admins'],
  ['role not listed', [rule('admins', 'allow', {}, { subject: { roles: ['admin'] } })], USER, 'SELECT 1', 'block', null],
  ['empty role list is everyone', [rule('all', 'allow', {}, { subject: { roles: [] } })], USER, 'SELECT 1', 'allow', 'all'],
  ['user id listed', [rule('me', 'allow', {}, { subject: { userIds: ['u-user'] } })], USER, 'SELECT 1', 'allow', 'me'],
  ['user id not listed', [rule('me', 'allow', {}, { subject: { userIds: ['u-user'] } })], ADMIN, 'SELECT 1', 'block', null],
  ['token listed', [rule('agent', 'allow', {}, { subject: { tokenIds: ['t-agent'] } })], AGENT, 'SELECT 1', 'allow', 'agent'],
  ['token rule, no token', [rule('agent', 'allow', {}, { subject: { tokenIds: ['t-agent'] } })], USER, 'SELECT 1', 'block', null],
  [
    'token rule, other token',
    [rule('agent', 'allow', {}, { subject: { tokenIds: ['t-agent'] } })],
    { ...AGENT, tokenId: 't-other' },
    'SELECT 1',
    'block',
    null,
  ],
  [
    'all given subject lists must hold',
    [rule('both', 'allow', {}, { subject: { roles: ['admin'], userIds: ['u-user'] } })],
    USER,
    'SELECT 1',
    'block',
    null,
  ],
  [
    'a rule for agents does not apply to people',
    [rule('agents-block-writes', 'block', { kinds: ['write'] }, { subject: { tokenIds: ['t-agent'] } }), rule('all', 'require_approval')],
    USER,
    'INSERT INTO t VALUES (1)',
    'require_approval',
    'all',
  ],

  // order and enabled
  ['first matching rule wins', [rule('block-secrets', 'block', { tables: ['public.secrets'] }), allowReads], USER, 'select * from secrets', 'block', 'block-secrets'],
  ['disabled rules are skipped', [rule('off', 'block', {}, { enabled: false }), allowReads], USER, 'SELECT 1', 'allow', 'allow-reads'],
  ['criteria are ANDed', [rule('r', 'block', { kinds: ['read'], tables: ['public.secrets'] }), allowReads], USER, 'SELECT 1', 'allow', 'allow-reads'],
  ['empty criterion lists are absent', [rule('r', 'allow', { kinds: [], tables: [], flags: [] })], USER, 'DELETE FROM t WHERE id = 1', 'allow', 'r'],

  // allow must cover every table / function; restricting rules need one
  ['allow covers the only table', [rule('reports', 'allow', { kinds: ['read'], tables: ['public.reports'] })], USER, 'select * from reports', 'allow', 'reports'],
  [
    'allow does not cover a join with another table',
    [rule('reports', 'allow', { kinds: ['read'], tables: ['public.reports'] })],
    USER,
    'select * from reports r join secrets s on s.id = r.id',
    'block',
    null,
  ],
  [
    'allow does not cover a subquery on another table',
    [rule('reports', 'allow', { tables: ['public.reports'] })],
    USER,
    'select * from reports where id in (select id from secrets)',
    'block',
    null,
  ],
  ['allow with tables needs a table', [rule('reports', 'allow', { tables: ['public.reports'] })], USER, 'SELECT 1', 'block', null],
  [
    'block needs only one table',
    [rule('secrets', 'block', { tables: ['public.secrets'] }), allowReads],
    USER,
    'select * from reports r join secrets s on s.id = r.id',
    'block',
    'secrets',
  ],
  ['table glob with *', [rule('rep', 'allow', { tables: ['public.rep*'] })], USER, 'select * from reports, reports_2024', 'allow', 'rep'],
  ['schema glob', [rule('sec', 'block', { tables: ['*.secrets'] }), allowReads], USER, 'select * from vault.secrets', 'block', 'sec'],
  ['bare name means any schema', [rule('sec', 'block', { tables: ['secrets'] }), allowReads], USER, 'select * from vault.secrets', 'block', 'sec'],
  ['restricting rules ignore case', [rule('sec', 'block', { tables: ['public.Secrets'] }), allowReads], USER, 'select * from secrets', 'block', 'sec'],
  ['allow rules respect case', [rule('rep', 'allow', { tables: ['public.Reports'] })], USER, 'select * from reports', 'block', null],
  [
    'allow covers the only function',
    [rule('cancel', 'allow', { functions: ['pg_cancel_backend'] })],
    ADMIN,
    'select pg_cancel_backend(42)',
    'allow',
    'cancel',
  ],
  [
    'allow with functions does not admit a statement without any',
    [rule('cancel', 'allow', { functions: ['pg_cancel_backend'] })],
    ADMIN,
    'DELETE FROM payments',
    'block',
    null,
  ],
  [
    'allow with functions does not cover another function',
    [rule('cancel', 'allow', { functions: ['pg_cancel_backend'] })],
    ADMIN,
    'select pg_cancel_backend(42), pg_terminate_backend(43)',
    'block',
    null,
  ],
  [
    'function block matches a schema-qualified call',
    [rule('no-set-config', 'block', { functions: ['set_config'] }), rule('all', 'allow')],
    USER,
    "select pg_catalog.set_config('x', 'y', false)",
    'block',
    'no-set-config',
  ],

  // commands, flags, pattern
  ['command glob', [rule('creates', 'block', { commands: ['CREATE *'] }), rule('all', 'allow')], USER, 'create index i on t (x)', 'block', 'creates'],
  ['command exact', [rule('drops', 'block', { commands: ['DROP'] }), rule('all', 'allow')], USER, 'DROP ROLE bob', 'allow', 'all'],
  ['any flag', [rule('danger', 'block', { flags: ['truncate', 'drop'] }), rule('all', 'allow')], USER, 'TRUNCATE t', 'block', 'danger'],
  [
    'search_path changes can be singled out',
    [rule('agents-keep-search-path', 'block', { flags: ['search-path'] }, { subject: { tokenIds: ['t-agent'] } }), rule('all', 'allow')],
    AGENT,
    'SET search_path = secret, public',
    'block',
    'agents-keep-search-path',
  ],
  ['pattern, case-insensitive', [rule('pii', 'require_approval', { pattern: '\\bssn\\b' }), allowReads], USER, 'SELECT SSN FROM people', 'require_approval', 'pii'],
  ['pattern that does not match', [rule('pii', 'require_approval', { pattern: '\\bssn\\b' }), allowReads], USER, 'SELECT name FROM people', 'allow', 'allow-reads'],

  // severity across statements
  [
    'block beats approval beats allow',
    [allowReads, rule('approve-writes', 'require_approval', { kinds: ['write'] }), rule('block-drop', 'block', { flags: ['drop'] })],
    USER,
    'SELECT 1; UPDATE t SET a = 1 WHERE id = 1; DROP TABLE t; SELECT 2',
    'block',
    'block-drop',
  ],
  [
    'approval beats allow',
    [allowReads, rule('approve-writes', 'require_approval', { kinds: ['write'] })],
    USER,
    'SELECT 1; INSERT INTO t VALUES (1)',
    'require_approval',
    'approve-writes',
  ],
  ['one unmatched statement blocks the string', [allowReads], USER, 'SELECT 1; INSERT INTO t VALUES (1)', 'block', null],

  // fail closed
  ['no rule matches', [allowReads], USER, 'DELETE FROM t WHERE id = 1', 'block', null],
  ['no rules at all', [], ADMIN, 'SELECT 1', 'block', null],
  ['unparseable text', [rule('all', 'allow')], ADMIN, 'selec 1', 'block', null],
  ['empty query', [], USER, '', 'allow', null],
  ['comment-only query', [], USER, '-- nothing', 'allow', null],
  ['a pattern that throws blocks', [rule('broken', 'allow', { pattern: '(' })], ADMIN, 'SELECT 1', 'block', 'broken'],
  [
    'a malformed rule blocks',
    [{ ...rule('malformed', 'allow'), subject: undefined } as unknown as PolicyRule],
    ADMIN,
    'SELECT 1',
    'block',
    'malformed',
  ],
];

describe('evaluatePolicy', () => {
  it.each(cases)('%s', (_label, rules, identity, sql, action, ruleId) => {
    const decision = decide(rules, sql, identity);
    expect(decision.action).toBe(action);
    expect(decision.rule?.id ?? null).toBe(ruleId);
  });

  it('reports the deciding statement and the rule message', () => {
    const rules = [allowReads, rule('no-drop', 'block', { flags: ['drop'] }, { name: 'No drops', message: 'Drops are off' })];
    expect(decide(rules, 'SELECT 1; DROP TABLE t')).toEqual({
      action: 'block',
      rule: { id: 'no-drop', name: 'No drops' },
      message: 'Drops are off',
      statementIndex: 1,
    });
  });

  it('reports the first of equally severe statements', () => {
    const rules = [rule('approve', 'require_approval')];
    expect(decide(rules, 'INSERT INTO a VALUES (1); INSERT INTO b VALUES (2)').statementIndex).toBe(0);
  });

  it.each([
    ['block', 'Blocked by rule "R"'],
    ['require_approval', 'Approval required by rule "R"'],
  ] as const)('gives %s a default message', (action, message) => {
    expect(decide([rule('r', action, {}, { name: 'R' })], 'SELECT 1').message).toBe(message);
  });

  it('explains a refusal for want of a rule', () => {
    expect(decide([allowReads], 'DELETE FROM t WHERE id = 1').message).toBe('No policy rule allows this DELETE statement');
  });

  it('passes on the parser error for unparseable text', () => {
    expect(decide([rule('all', 'allow')], 'selec 1')).toEqual({
      action: 'block',
      rule: null,
      message: 'Gatehouse could not parse this statement: syntax error at or near "selec"',
      statementIndex: null,
    });
  });
});

describe('simulatePolicy', () => {
  it('shows each statement with the rule that decided it', () => {
    const rules = defaultPolicyRules();
    const simulation = simulatePolicy(rules, { identity: USER, classification: classifySql('SELECT 1; DELETE FROM payments') });
    expect(simulation.decision).toMatchObject({ action: 'block', statementIndex: 1, rule: { id: 'default-block-delete-without-where' } });
    expect(simulation.statements.map((s) => [s.index, s.statement.command, s.action, s.rule?.id])).toEqual([
      [0, 'SELECT', 'allow', 'default-allow-read'],
      [1, 'DELETE', 'block', 'default-block-delete-without-where'],
    ]);
  });

  it('has no statements for unparseable text', () => {
    expect(simulatePolicy([], { identity: USER, classification: classifySql('selec 1') }).statements).toEqual([]);
  });
});

describe('defaultPolicyRules', () => {
  const defaults: [sql: string, action: PolicyAction, ruleId: string | null][] = [
    ['SELECT * FROM payments', 'allow', 'default-allow-read'],
    ['select * from public.payments p join "Customers" c on c.id = p.customer_id', 'allow', 'default-allow-read'],
    ['EXPLAIN DELETE FROM payments', 'allow', 'default-allow-read'],
    ['EXPLAIN ANALYZE SELECT * FROM payments', 'allow', 'default-allow-read'],
    ['COPY payments TO STDOUT', 'allow', 'default-allow-read'],
    ["select $x$;DROP TABLE t;$x$", 'allow', 'default-allow-read'],
    ["select 'a; drop table x'", 'allow', 'default-allow-read'],
    ['SELECT * FROM payments FOR UPDATE', 'allow', 'default-allow-read'],
    ['BEGIN READ WRITE', 'allow', 'default-allow-transaction'],
    ['COMMIT', 'allow', 'default-allow-transaction'],
    ["SET statement_timeout = '5s'", 'allow', 'default-allow-session-settings'],
    ['RESET ALL', 'allow', 'default-allow-session-settings'],
    ['SHOW search_path', 'allow', 'default-allow-session-settings'],
    ['DISCARD ALL', 'allow', 'default-allow-session-settings'],
    ['DEALLOCATE ALL', 'allow', 'default-allow-session-settings'],
    ['LISTEN jobs', 'allow', 'default-allow-session-settings'],
    ['SET search_path = reporting, public', 'allow', 'default-allow-session-settings'],
    ['', 'allow', null],

    ['/* x */ DeLeTe FROM payments', 'block', 'default-block-delete-without-where'],
    ['delete from payments -- where id=1', 'block', 'default-block-delete-without-where'],
    ['DELETE FROM payments WHERE 1=1', 'block', 'default-block-delete-without-where'],
    ['PREPARE p AS DELETE FROM payments', 'block', 'default-block-delete-without-where'],
    ['UPDATE payments SET amount = 0', 'block', 'default-block-update-without-where'],
    ['SELECT 1; DROP TABLE payments', 'block', 'default-block-drop'],
    ['ALTER TABLE payments DROP COLUMN amount', 'block', 'default-block-drop'],
    ['TRUNCATE payments', 'block', 'default-block-truncate'],
    ['SET ROLE postgres', 'block', 'default-block-role-switch'],
    ['RESET ROLE', 'block', 'default-block-role-switch'],
    ['SET SESSION AUTHORIZATION postgres', 'block', 'default-block-role-switch'],
    ["select set_config('role','postgres',false)", 'block', 'default-block-role-switch'],
    ["COPY payments TO PROGRAM 'curl x'", 'block', 'default-block-copy-program'],
    ["COPY payments FROM '/etc/passwd'", 'block', 'default-block-copy-file'],
    ['GRANT ALL ON payments TO public', 'block', 'default-block-dcl'],
    ['CREATE ROLE mallory SUPERUSER', 'block', 'default-block-dcl'],
    ['ALTER SYSTEM SET x = 1', 'block', 'default-block-alter-system'],
    ['selec 1', 'block', null],

    ['WITH d AS (DELETE FROM payments WHERE id = 1 RETURNING *) SELECT * FROM d', 'require_approval', 'default-approve-write'],
    ['EXPLAIN ANALYZE DELETE FROM payments WHERE id=1', 'require_approval', 'default-approve-write'],
    ['select delete_everything()', 'require_approval', 'default-approve-write'],
    ["select set_config('search_path', 'evil', false)", 'require_approval', 'default-approve-write'],
    ['INSERT INTO payments (id) VALUES (1)', 'require_approval', 'default-approve-write'],
    ['DELETE FROM payments WHERE id = 1', 'require_approval', 'default-approve-write'],
    ['SELECT * INTO copy_of_payments FROM payments', 'require_approval', 'default-approve-ddl'],
    ['CREATE TABLE x(id int)', 'require_approval', 'default-approve-ddl'],
    ['VACUUM payments', 'require_approval', 'default-approve-utility'],
    ['LOCK payments', 'require_approval', 'default-approve-utility'],
    ["NOTIFY jobs, 'x'", 'require_approval', 'default-approve-utility'],
    ['DO $$ BEGIN DELETE FROM payments; END $$', 'require_approval', 'default-approve-unknown'],
    ['EXECUTE p', 'require_approval', 'default-approve-unknown'],
    ['CALL archive_payments(30)', 'require_approval', 'default-approve-unknown'],
  ];

  it.each(defaults)('%s -> %s by %s', (sql, action, ruleId) => {
    const decision = decide(defaultPolicyRules(), sql, ADMIN);
    expect(decision.action).toBe(action);
    expect(decision.rule?.id ?? null).toBe(ruleId);
  });

  it('the WITH ... DELETE without a WHERE is blocked, not just held', () => {
    const decision = decide(defaultPolicyRules(), 'WITH d AS (DELETE FROM payments RETURNING *) SELECT * FROM d');
    expect(decision).toMatchObject({ action: 'block', rule: { id: 'default-block-delete-without-where' } });
  });

  it('gives every rule a stable, unique id and a fresh copy each time', () => {
    const first = defaultPolicyRules();
    expect(new Set(first.map((r) => r.id)).size).toBe(first.length);
    first[0]!.match.flags!.push('drop');
    expect(defaultPolicyRules()[0]!.match.flags).toEqual(['copy-program']);
  });
});
