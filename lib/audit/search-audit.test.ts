import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { setupTestDb, uniqueName } from '@/test/db';
import { makeActor } from '@/test/actors';
import { closeDb, getDb } from '@/lib/db/client';
import type { Actor } from '@/lib/auth/actor';
import { auditEvents } from '@/lib/db/schema';
import { decideApproval } from '@/lib/approvals/decide-approval';
import { makeApprovalRequest, makeApprovalTarget } from '@/lib/approvals/approval-test-fixtures';
import { appendAuditEvent } from './append-audit-event';
import { searchAudit, type AuditResult } from './search-audit';
import { AUDIT_FILTER_KEYS, auditFilterSchema, encodeAuditCursor } from './audit-filter';
import { microsAfter, seedOutcome, seedSession, seedStatement } from './audit-test-fixtures';

const { db } = setupTestDb();
afterAll(() => closeDb());

const DAY = 86_400_000;
let auditor: Actor;
let target: { id: string; name: string };
let alice: Actor;
let approver: Actor;
const ids: Record<string, string> = {};

/**
 * One target's week: alice deletes from payments (held, approved by the approver, 3 rows), reads
 * payments, is blocked deleting orders; carol deletes payments a month ago; an admin changes the
 * target (after the events of its creation and of the approval). Every search below is scoped to this target, as other test files share the store.
 */
beforeAll(async () => {
  auditor = await makeActor(db, 'auditor');
  alice = await makeActor(db, 'user');
  approver = await makeActor(db, 'approver');
  target = await makeApprovalTarget(db, uniqueName('audit'));
  const now = new Date();
  const session = await seedSession(db, { userEmail: alice.email, targetName: target.name });
  const request = await makeApprovalRequest(db, { requester: alice, target, statementText: 'delete from payments where id = $1' });
  await decideApproval(db, { actor: approver, requestId: request.id, decision: 'approve', reason: 'refund ticket 7' });
  ids.deletePayments = await seedStatement(db, {
    sessionId: session,
    seq: 1,
    text: 'delete from payments where id = $1',
    params: ['42'],
    startedAt: microsAfter(new Date(now.getTime() - 2 * DAY), 0),
    decision: 'require_approval',
    kinds: ['write'],
    commands: ['DELETE'],
    tables: ['public.payments'],
    ruleName: 'Approve writes',
    approvalId: request.id,
  });
  await seedOutcome(db, ids.deletePayments, { commandTag: 'DELETE 3', rowCount: 3 });
  ids.readPayments = await seedStatement(db, {
    sessionId: session,
    seq: 2,
    text: 'select * from public."payments" limit 5',
    startedAt: microsAfter(new Date(now.getTime() - DAY), 0),
    tables: ['public.payments'],
  });
  ids.deleteOrders = await seedStatement(db, {
    sessionId: session,
    seq: 3,
    text: 'delete from orders',
    startedAt: microsAfter(new Date(now.getTime() - DAY), 5),
    decision: 'block',
    kinds: ['write'],
    commands: ['DELETE'],
    tables: ['sales.orders'],
    ruleName: 'No DELETE without WHERE',
  });
  const carolSession = await seedSession(db, { userEmail: 'carol@example.test', targetName: target.name });
  ids.oldDelete = await seedStatement(db, {
    sessionId: carolSession,
    text: 'delete from payments where id = 1',
    startedAt: microsAfter(new Date(now.getTime() - 30 * DAY), 0),
    kinds: ['write'],
    commands: ['DELETE'],
    tables: ['public.payments'],
  });
  const event = await appendAuditEvent(db, {
    actor: { id: null, email: 'admin@example.test', role: 'admin', address: '203.0.113.5' },
    action: 'target.updated',
    subjectType: 'target',
    subjectId: target.id,
    summary: `admin@example.test changed target ${target.name}: port`,
    details: { targetName: target.name, changes: { port: { before: 5432, after: 6432 } } },
  });
  ids.event = event.id;
  const eventOf = async (action: string, subjectId: string) =>
    (await db.select({ id: auditEvents.id }).from(auditEvents).where(and(eq(auditEvents.action, action), eq(auditEvents.subjectId, subjectId))))[0]!.id;
  ids.created = await eventOf('target.created', target.id);
  ids.decided = await eventOf('approval.decided', request.id);
});

const search = (filter: Record<string, string>, actor: Actor = auditor, limit?: number) =>
  searchAudit(db, { actor, filter: { target: target.name, ...filter }, limit });
const idsOf = (results: AuditResult[]) => results.map((r) => r.id);

describe('searchAudit', () => {
  it('answers "who ran DELETE on payments last week, and who approved it?" in one result', async () => {
    const from = new Date(Date.now() - 7 * DAY).toISOString();
    const { results } = await search({ statementKind: 'delete', table: 'payments', from });
    expect(idsOf(results)).toEqual([ids.deletePayments]);
    expect(results[0]).toMatchObject({
      type: 'statement',
      userEmail: alice.email,
      targetName: target.name,
      text: 'delete from payments where id = $1',
      params: ['42'],
      decision: 'require_approval',
      ruleName: 'Approve writes',
      outcome: { commandTag: 'DELETE 3', rowCount: 3, masked: false },
      approval: { status: 'approved', decisions: [{ email: approver.email, decision: 'approve', reason: 'refund ticket 7' }] },
      summary: `${alice.email} ran DELETE on ${target.name}: held for approval by rule "Approve writes"`,
    });
  });

  it('merges statements and events newest first', async () => {
    const { results } = await search({});
    expect(idsOf(results)).toEqual([ids.event, ids.decided, ids.created, ids.deleteOrders, ids.readPayments, ids.deletePayments, ids.oldDelete]);
    expect(results[0]).toMatchObject({ type: 'event', action: 'target.updated', actorEmail: 'admin@example.test', actorAddress: '203.0.113.5', targetName: target.name });
  });

  it.each<[string, Record<string, string>, string[]]>([
    ['words, also inside quoted and qualified names', { q: 'payments' }, ['readPayments', 'deletePayments', 'oldDelete']],
    ['a qualified name in the words', { q: 'public.payments limit' }, ['readPayments']],
    ['words in an event summary', { q: 'changed target' }, ['event']],
    ['words in an event action', { q: 'approval.dec' }, ['decided']],
    ['the session user', { actor: 'CAROL@example.test' }, ['oldDelete']],
    ['the event actor', { actor: 'admin@example.test' }, ['event']],
    ['a decision', { decision: 'block' }, ['deleteOrders']],
    ['a coarse statement kind', { statementKind: 'write', table: 'public.payments' }, ['deletePayments', 'oldDelete']],
    ['a table in another schema by its bare name', { table: 'ORDERS' }, ['deleteOrders']],
    ['a qualified table exactly', { table: 'sales.payments' }, []],
    ['events only', { kind: 'events' }, ['event', 'decided', 'created']],
    ['an action, which only events have', { action: 'target.updated' }, ['event']],
    ['statements only, in a time window', { kind: 'statements', from: new Date(Date.now() - 3 * DAY).toISOString(), to: new Date(Date.now() - DAY + 60_000).toISOString() }, ['deleteOrders', 'readPayments', 'deletePayments']],
  ])('filters by %s', async (_label, filter, expected) => {
    const { results } = await search(filter);
    expect(idsOf(results)).toEqual(expected.map((name) => ids[name]));
  });

  it('pages with a cursor across both sources, without losing or repeating a row', async () => {
    const first = await search({}, auditor, 3);
    expect(idsOf(first.results)).toEqual([ids.event, ids.decided, ids.created]);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await search({ cursor: first.nextCursor! }, auditor, 3);
    expect(idsOf(second.results)).toEqual([ids.deleteOrders, ids.readPayments, ids.deletePayments]);
    const third = await search({ cursor: second.nextCursor! }, auditor, 3);
    expect(idsOf(third.results)).toEqual([ids.oldDelete]);
    expect(third.nextCursor).toBeNull();
  });

  it('orders by microseconds, not just milliseconds, and breaks exact ties by id', async () => {
    const name = uniqueName('ties');
    const session = await seedSession(db, { userEmail: alice.email, targetName: name });
    const base = new Date(Date.now() - 3 * DAY);
    const a = await seedStatement(db, { sessionId: session, seq: 1, text: 'select 1', startedAt: microsAfter(base, 0, 900) });
    const b = await seedStatement(db, { sessionId: session, seq: 2, text: 'select 2', startedAt: microsAfter(base, 0, 100) });
    const c = await seedStatement(db, { sessionId: session, seq: 3, text: 'select 3', startedAt: microsAfter(base, 0, 100) });
    const [hi, lo] = b > c ? [b, c] : [c, b];
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await searchAudit(db, { actor: auditor, filter: { target: name, ...(cursor ? { cursor } : {}) }, limit: 1 });
      seen.push(...idsOf(page.results));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([a, hi, lo]);
  });

  it('refuses people who are neither auditors nor admins', async () => {
    for (const role of ['user', 'approver'] as const) {
      await expect(search({}, await makeActor(db, role))).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('auditor or admin') });
    }
    await expect(search({}, await makeActor(db, 'admin'))).resolves.toMatchObject({ results: expect.any(Array) });
  });

  it.each<[string, Record<string, string>, number | undefined, string]>([
    ['a limit over 200', {}, 201, 'Limit must be 1-200'],
    ['a date that is not one', { from: 'last tuesday' }, undefined, 'From must be a date'],
    ['a window that ends before it starts', { from: '2025-02-01', to: '2025-01-01' }, undefined, 'To must be after From'],
    ['a forged cursor', { cursor: encodeAuditCursor({ at: 'yesterday', id: 'x' }) }, undefined, 'Cursor is not one this search returned'],
    ['an unknown decision', { decision: 'maybe' }, undefined, 'Decision must be allow, block or require_approval'],
    ['a misspelt filter, which would otherwise widen the search', { user: 'alice' }, undefined, 'user'],
  ])('refuses %s with field errors', async (_label, filter, limit, message) => {
    await expect(search(filter, auditor, limit)).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining(message) });
  });

  it('lists every filter field for the page and the API', () => {
    expect([...AUDIT_FILTER_KEYS].sort()).toEqual(Object.keys(auditFilterSchema.shape).sort());
  });

  it('runs as the application role, which may only read the audit tables', async () => {
    const { results } = await searchAudit(getDb(), { actor: auditor, filter: { target: target.name, statementKind: 'DELETE' } });
    expect(idsOf(results)).toEqual([ids.deleteOrders, ids.deletePayments, ids.oldDelete]);
  });
});
