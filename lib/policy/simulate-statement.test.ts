import { describe, expect, it } from 'vitest';
import { setupTestDb, uniqueName } from '@/test/db';
import { makeActor } from '@/test/actors';
import type { Actor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors';
import { createTarget } from '@/lib/targets/create-target';
import type { PolicyRule } from './policy-rule-schema';
import { MAX_SIMULATED_SQL_BYTES, simulateStatement } from './simulate-statement';
import { replaceTargetPolicyRules } from './target-policy';

const { db } = setupTestDb();

async function newTarget(admin: Actor) {
  return createTarget(db, {
    actor: admin,
    input: { name: uniqueName('sim'), host: 'db.example.test', port: 5432, database: 'app', username: 'app', password: 'pw', tlsMode: 'disable' },
  });
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const blockPaymentsForUsers: PolicyRule = {
  id: 'block-payments-users',
  name: 'Block payments for users',
  enabled: true,
  subject: { roles: ['user'] },
  match: { tables: ['public.payments'] },
  action: 'block',
  message: 'Payments are off limits',
};

describe('simulateStatement', () => {
  it('decides each statement with the saved default rules and summarizes the classification', async () => {
    const admin = await makeActor(db, 'admin');
    const user = await makeActor(db, 'user');
    const target = await newTarget(admin);
    const result = await simulateStatement(db, {
      actor: admin,
      idOrName: target.name,
      sql: 'select 1; delete from payments',
      userId: user.id!,
    });
    expect(result.decision).toMatchObject({
      action: 'block',
      rule: { id: 'default-block-delete-without-where', name: 'Block DELETE without WHERE' },
      statementIndex: 1,
    });
    expect(result.statements.map((s) => [s.statement.command, s.action, s.rule?.id])).toEqual([
      ['SELECT', 'allow', 'default-allow-read'],
      ['DELETE', 'block', 'default-block-delete-without-where'],
    ]);
    expect(result.classification).toMatchObject({
      ok: true,
      statementCount: 2,
      tables: ['public.payments'],
      flags: expect.arrayContaining(['delete-without-where', 'multi-statement']),
    });
    expect(result.target).toEqual({ id: target.id, name: target.name });
    expect(result.runAs).toEqual({ id: user.id, email: user.email, role: 'user' });
  });

  it("applies the chosen user's role to the rules' subjects", async () => {
    const admin = await makeActor(db, 'admin');
    const user = await makeActor(db, 'user');
    const approver = await makeActor(db, 'approver');
    const target = await newTarget(admin);
    const { rules } = await replaceTargetPolicyRules(db, { actor: admin, idOrName: target.id, rules: [] });
    expect(rules).toEqual([]);
    await replaceTargetPolicyRules(db, {
      actor: admin,
      idOrName: target.id,
      rules: [blockPaymentsForUsers, { id: 'allow-reads', name: 'Allow reads', enabled: true, subject: {}, match: { kinds: ['read'] }, action: 'allow' }],
    });
    const sql = 'select * from payments';
    const asUser = await simulateStatement(db, { actor: admin, idOrName: target.id, sql, userId: user.id! });
    expect(asUser.decision).toMatchObject({ action: 'block', rule: { name: 'Block payments for users' }, message: 'Payments are off limits' });
    const asApprover = await simulateStatement(db, { actor: admin, idOrName: target.id, sql, userId: approver.id! });
    expect(asApprover.decision).toMatchObject({ action: 'allow', rule: { id: 'allow-reads' } });
  });

  it('reports text that does not parse as blocked, with the parser error', async () => {
    const admin = await makeActor(db, 'admin');
    const target = await newTarget(admin);
    const result = await simulateStatement(db, { actor: admin, idOrName: target.name, sql: 'selec 1', userId: admin.id! });
    expect(result.decision).toMatchObject({ action: 'block', rule: null, message: expect.stringContaining('could not parse') });
    expect(result.statements).toEqual([]);
    expect(result.classification).toMatchObject({ ok: false, error: expect.stringContaining('syntax error') });
  });

  it('is for admins only', async () => {
    const admin = await makeActor(db, 'admin');
    const target = await newTarget(admin);
    for (const role of ['approver', 'auditor', 'user'] as const) {
      const actor = await makeActor(db, role);
      const error = await rejection(simulateStatement(db, { actor, idOrName: target.name, sql: 'select 1', userId: actor.id! }));
      expect(error.code).toBe('FORBIDDEN');
    }
  });

  it('refuses empty or oversized SQL and unknown users or targets with field errors', async () => {
    const admin = await makeActor(db, 'admin');
    const target = await newTarget(admin);
    const base = { actor: admin, idOrName: target.name, userId: admin.id! };

    const empty = await rejection(simulateStatement(db, { ...base, sql: '  \n ' }));
    expect(empty.code).toBe('INVALID_INPUT');
    expect(empty.fieldErrors).toEqual({ sql: ['Paste a statement to simulate'] });

    const huge = await rejection(simulateStatement(db, { ...base, sql: `select '${'x'.repeat(MAX_SIMULATED_SQL_BYTES)}'` }));
    expect(huge.code).toBe('INVALID_INPUT');
    expect(huge.fieldErrors).toEqual({ sql: ['Statement must be at most 100 KB'] });

    const notAnId = await rejection(simulateStatement(db, { ...base, sql: 'select 1', userId: 'nobody' }));
    expect(notAnId.code).toBe('INVALID_INPUT');
    expect(notAnId.fieldErrors).toEqual({ userId: ['Choose a user to run as'] });

    const unknownUser = await rejection(simulateStatement(db, { ...base, sql: 'select 1', userId: crypto.randomUUID() }));
    expect(unknownUser.code).toBe('NOT_FOUND');
    expect(unknownUser.fieldErrors).toEqual({ userId: ['No such user'] });

    const unknownTarget = await rejection(simulateStatement(db, { ...base, idOrName: uniqueName('missing'), sql: 'select 1' }));
    expect(unknownTarget.code).toBe('NOT_FOUND');
  });
});
