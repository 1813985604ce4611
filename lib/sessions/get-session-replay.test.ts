import { beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { setupTestDb, uniqueName } from '@/test/db';
import { makeActor } from '@/test/actors';
import type { Actor } from '@/lib/auth/actor';
import { decideApproval } from '@/lib/approvals/decide-approval';
import { makeApprovalRequest, makeApprovalTarget } from '@/lib/approvals/approval-test-fixtures';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { getSessionReplay } from './get-session-replay';
import { makeSession } from './session-test-fixtures';

const { db } = setupTestDb();

let alice: Actor;
let approver: Actor;
let sessionId: string;
let approvalId: string;
let othersSession: string;

beforeAll(async () => {
  const target = await makeApprovalTarget(db, uniqueName('replay'));
  alice = await makeActor(db, 'user');
  approver = await makeActor(db, 'approver');
  const approval = await makeApprovalRequest(db, { requester: alice, target, statementText: 'delete from orders where id = $1', params: ['42'] });
  approvalId = approval.id;
  await decideApproval(db, { actor: approver, requestId: approvalId, decision: 'approve', reason: 'ticket OPS-7' });
  const session = await makeSession(db, {
    user: alice,
    targetName: target.name,
    targetId: target.id,
    endedAfterMs: 60_000,
    withEvents: true,
    // Inserted out of order: the replay orders by seq.
    statements: [
      { seq: 3, text: 'select 3', atMs: 3000 },
      {
        seq: 1,
        text: 'select email from customers',
        atMs: 1000,
        outcome: { commandTag: 'SELECT 2', rowCount: 2, durationMs: 4.5, masked: true, columns: [{ name: 'email', typeOid: 25 }], rows: [['****@example.com'], ['****@example.com']], rowsTruncated: true },
      },
      { seq: 2, text: 'delete from orders where id = $1', params: ['42'], atMs: 2000, decision: 'require_approval', ruleName: 'Approve writes', approvalId, outcome: { commandTag: 'DELETE 1', rowCount: 1, durationMs: 12 } },
    ],
  });
  sessionId = session.id;
  await appendAuditEvent(db, { actor: approver, action: 'session.terminated', subjectType: 'session', subjectId: sessionId, summary: 'terminated', details: { reason: 'test' } });
  othersSession = (await makeSession(db, { user: approver, targetName: target.name })).id;
});

describe('getSessionReplay', () => {
  it('returns the statements in seq order with their outcomes and approvals, and the lifecycle events', async () => {
    const replay = await getSessionReplay(db, { actor: alice, id: sessionId });
    expect(replay.session).toMatchObject({ id: sessionId, userEmail: alice.email, endReason: 'client disconnected' });
    expect(replay.durationMs).toBe(60_000);
    expect(replay.statements.map((s) => s.seq)).toEqual([1, 2, 3]);
    const [select, held, last] = replay.statements;
    expect(select!.outcome).toMatchObject({ commandTag: 'SELECT 2', masked: true, rowsTruncated: true, rows: [['****@example.com'], ['****@example.com']], columns: [{ name: 'email', typeOid: 25 }] });
    expect(select!.approval).toBeNull();
    expect(last!.outcome).toBeNull();
    expect(held!.approval).toMatchObject({
      id: approvalId,
      status: 'approved',
      requesterEmail: alice.email,
      decidedByEmail: approver.email,
      href: `/approvals/${approvalId}`,
      decisions: [{ approverEmail: approver.email, decision: 'approve', reason: 'ticket OPS-7', decidedAt: expect.any(Date) }],
    });
    expect(replay.events.map((e) => e.action)).toEqual(['session.started', 'session.ended', 'session.terminated']);
    expect(replay.window).toEqual({ afterSeq: null, nextAfterSeq: null });
  });

  it('hands out windows of statements', async () => {
    const first = await getSessionReplay(db, { actor: alice, id: sessionId, limit: 2 });
    expect(first.statements.map((s) => s.seq)).toEqual([1, 2]);
    expect(first.window.nextAfterSeq).toBe(2);
    const second = await getSessionReplay(db, { actor: alice, id: sessionId, afterSeq: 2, limit: 2 });
    expect(second.statements.map((s) => s.seq)).toEqual([3]);
    expect(second.window).toEqual({ afterSeq: 2, nextAfterSeq: null });
  });

  it("shows auditors and admins anyone's session; to others a session not theirs does not exist", async () => {
    expect((await getSessionReplay(db, { actor: await makeActor(db, 'auditor'), id: sessionId })).statements).toHaveLength(3);
    expect((await getSessionReplay(db, { actor: await makeActor(db, 'admin'), id: othersSession })).session.id).toBe(othersSession);
    for (const id of [othersSession, randomUUID(), 'not-a-uuid']) {
      await expect(getSessionReplay(db, { actor: alice, id })).rejects.toMatchObject({ code: 'NOT_FOUND', message: `No session with id ${id}` });
    }
    await expect(getSessionReplay(db, { actor: approver, id: sessionId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
