import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { setupTestDb, uniqueName } from '@/test/db';
import { makeActor } from '@/test/actors';
import { createDb } from '@/lib/db/client';
import { getEnv } from '@/lib/env';
import { approvalDecisions, approvalRequests, type Role } from '@/lib/db/schema';
import { CLI_ACTOR, type Actor } from '@/lib/auth/actor';
import { decideApproval } from './decide-approval';
import { expireApprovalRequest } from './expire-approval-request';
import { withdrawApprovalRequest } from './withdraw-approval-request';
import { abortApprovalRequests } from './abort-approval-requests';
import { makeApprovalRequest, makeApprovalTarget, makeOverdue } from './approval-test-fixtures';

const { db } = setupTestDb();
/** Its own pool, wide enough that the concurrent decisions below really run at the same time. */
const wide = createDb(getEnv().DATABASE_URL, { max: 12 });
afterAll(() => wide.sql.end({ timeout: 5 }));

let target: { id: string; name: string };
let requester: Actor;
let approver: Actor;

beforeAll(async () => {
  target = await makeApprovalTarget(db, uniqueName('approvals'));
  requester = await makeActor(db, 'user');
  approver = await makeActor(db, 'approver');
});

const decisionsOf = (id: string) => db.select().from(approvalDecisions).where(eq(approvalDecisions.requestId, id));
const statusOf = async (id: string) => (await db.select().from(approvalRequests).where(eq(approvalRequests.id, id)))[0]!;

describe('decideApproval: who may decide', () => {
  it.each<[string, Role | 'requester' | 'cli', Partial<{ approverRoles: Role[] }>, string]>([
    ['the requester, even as an approver', 'requester', {}, 'You cannot decide your own request'],
    ['a user', 'user', {}, 'needs an approver with the approver or admin role'],
    ['an auditor', 'auditor', {}, 'you are auditor'],
    ['an approver where the rule names admins only', 'approver', { approverRoles: ['admin'] }, 'needs an approver with the admin role'],
    ['the CLI, which is no person', 'cli', {}, 'decided by a person'],
  ])('refuses %s', async (_label, who, overrides, message) => {
    const self = await makeActor(db, 'approver');
    const request = await makeApprovalRequest(db, { requester: self, target, ...overrides });
    const actor = who === 'requester' ? self : who === 'cli' ? CLI_ACTOR : await makeActor(db, who);
    await expect(decideApproval(db, { actor, requestId: request.id, decision: 'approve' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining(message),
    });
    expect(await decisionsOf(request.id)).toEqual([]);
    expect((await statusOf(request.id)).status).toBe('pending');
  });

  it('lets an admin decide when the rule names admins only', async () => {
    const request = await makeApprovalRequest(db, { requester, target, approverRoles: ['admin'] });
    const admin = await makeActor(db, 'admin');
    const { isFinal, request: row } = await decideApproval(db, { actor: admin, requestId: request.id, decision: 'approve' });
    expect({ isFinal, status: row.status, decidedByEmail: row.decidedByEmail }).toEqual({ isFinal: true, status: 'approved', decidedByEmail: admin.email });
  });

  it('reports unknown requests as not found', async () => {
    await expect(decideApproval(db, { actor: approver, requestId: '00000000-0000-4000-8000-000000000000', decision: 'approve' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(decideApproval(db, { actor: approver, requestId: 'nope', decision: 'approve' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('decideApproval: decisions', () => {
  it.each([undefined, null, '', '   '])('needs a reason to deny (reason %j)', async (reason) => {
    const request = await makeApprovalRequest(db, { requester, target });
    await expect(decideApproval(db, { actor: approver, requestId: request.id, decision: 'deny', reason })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      fieldErrors: { reason: ['Say why the request is denied'] },
    });
    expect(await decisionsOf(request.id)).toEqual([]);
  });

  it('denies with the reason, and approves without one', async () => {
    const denied = await makeApprovalRequest(db, { requester, target });
    const result = await decideApproval(db, { actor: approver, requestId: denied.id, decision: 'deny', reason: '  not during the freeze ' });
    expect(result.isFinal).toBe(true);
    expect(result.request).toMatchObject({ status: 'denied', decidedByEmail: approver.email, decisionReason: 'not during the freeze' });
    expect(result.request.decidedAt).toBeInstanceOf(Date);

    const approved = await makeApprovalRequest(db, { requester, target });
    const ok = await decideApproval(db, { actor: approver, requestId: approved.id, decision: 'approve' });
    expect(ok.request).toMatchObject({ status: 'approved', decisionReason: null });
    expect(await decisionsOf(approved.id)).toEqual([expect.objectContaining({ approverId: approver.id, decision: 'approve', reason: null })]);
  });

  it('refuses decisions on requests that are no longer pending, naming what happened', async () => {
    const other = await makeActor(db, 'approver');
    const cases: [string, (id: string) => Promise<unknown>, string][] = [
      ['approved', (id) => decideApproval(db, { actor: approver, requestId: id, decision: 'approve' }), `already approved by ${approver.email}`],
      ['denied', (id) => decideApproval(db, { actor: approver, requestId: id, decision: 'deny', reason: 'no' }), `already denied by ${approver.email}`],
      ['withdrawn', (id) => withdrawApprovalRequest(db, id, 'client disconnected'), 'withdrawn'],
      ['expired', async (id) => (await makeOverdue(db, id), expireApprovalRequest(db, id)), 'expired at'],
      ['overdue but not yet expired', (id) => makeOverdue(db, id), 'expired at'],
    ];
    for (const [label, settle, message] of cases) {
      const request = await makeApprovalRequest(db, { requester, target, gatewayInstance: uniqueName('gw') });
      await settle(request.id);
      await expect(decideApproval(db, { actor: other, requestId: request.id, decision: 'approve' }), label).rejects.toMatchObject({
        code: 'CONFLICT',
        message: expect.stringContaining(message),
      });
    }
    const aborted = await makeApprovalRequest(db, { requester, target, gatewayInstance: uniqueName('gw') });
    await abortApprovalRequests(db, aborted.gatewayInstance!);
    await expect(decideApproval(db, { actor: other, requestId: aborted.id, decision: 'deny', reason: 'x' })).rejects.toThrow('aborted');
  });

  it('needs two different approvers when the rule asks for two', async () => {
    const request = await makeApprovalRequest(db, { requester, target, requiredApprovals: 2 });
    const first = await decideApproval(db, { actor: approver, requestId: request.id, decision: 'approve' });
    expect({ isFinal: first.isFinal, status: first.request.status }).toEqual({ isFinal: false, status: 'pending' });
    await expect(decideApproval(db, { actor: approver, requestId: request.id, decision: 'approve' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'You already decided on this request',
    });
    const second = await makeActor(db, 'admin');
    const final = await decideApproval(db, { actor: second, requestId: request.id, decision: 'approve', reason: 'checked the ticket' });
    expect(final.isFinal).toBe(true);
    expect(final.request).toMatchObject({ status: 'approved', decidedByEmail: second.email, decisionReason: 'checked the ticket' });
    expect((await decisionsOf(request.id)).map((d) => d.approverEmail).sort()).toEqual([approver.email, second.email].sort());
  });

  it('lets one denial end a request that needs two approvals', async () => {
    const request = await makeApprovalRequest(db, { requester, target, requiredApprovals: 2 });
    await decideApproval(db, { actor: approver, requestId: request.id, decision: 'approve' });
    const other = await makeActor(db, 'approver');
    const { request: row } = await decideApproval(db, { actor: other, requestId: request.id, decision: 'deny', reason: 'wrong table' });
    expect(row).toMatchObject({ status: 'denied', decidedByEmail: other.email });
  });
});

describe('decideApproval under concurrency', () => {
  it('ends ten simultaneous approvals of a one-approval request in exactly one success', async () => {
    const request = await makeApprovalRequest(db, { requester, target });
    const approvers = await Promise.all(Array.from({ length: 10 }, () => makeActor(db, 'approver')));
    const results = await Promise.allSettled(approvers.map((actor) => decideApproval(wide.db, { actor, requestId: request.id, decision: 'approve' })));
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(won[0]!.value.isFinal).toBe(true);
    expect(lost.map((r) => r.reason.code)).toEqual(Array(9).fill('CONFLICT'));
    const row = await statusOf(request.id);
    const decisions = await decisionsOf(request.id);
    expect(row.status).toBe('approved');
    expect(decisions).toHaveLength(1);
    expect(decisions[0]!.approverEmail).toBe(row.decidedByEmail);
  });

  it('counts two simultaneous approvals of a two-approval request as both', async () => {
    const request = await makeApprovalRequest(db, { requester, target, requiredApprovals: 2 });
    const [a, b] = [await makeActor(db, 'approver'), await makeActor(db, 'approver')];
    const results = await Promise.all([a, b].map((actor) => decideApproval(wide.db, { actor, requestId: request.id, decision: 'approve' })));
    expect(results.map((r) => r.isFinal).sort()).toEqual([false, true]);
    expect((await statusOf(request.id)).status).toBe('approved');
  });

  it('lets a double click count once', async () => {
    const request = await makeApprovalRequest(db, { requester, target });
    const results = await Promise.allSettled([1, 2].map(() => decideApproval(wide.db, { actor: approver, requestId: request.id, decision: 'approve' })));
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await decisionsOf(request.id)).toHaveLength(1);
  });

  it('settles approve against expire past the deadline with exactly one outcome: expiry', async () => {
    for (let round = 0; round < 5; round++) {
      const request = await makeApprovalRequest(db, { requester, target });
      await makeOverdue(db, request.id);
      const [decided, expired] = await Promise.allSettled([
        decideApproval(wide.db, { actor: approver, requestId: request.id, decision: 'approve' }),
        expireApprovalRequest(wide.db, request.id),
      ]);
      const decideWon = decided.status === 'fulfilled';
      const expireWon = expired.status === 'fulfilled' && expired.value !== null;
      expect(Number(decideWon) + Number(expireWon)).toBe(1);
      expect((await statusOf(request.id)).status).toBe(decideWon ? 'approved' : 'expired');
      expect(await decisionsOf(request.id)).toHaveLength(decideWon ? 1 : 0);
    }
  });

  it('settles approve against expire around the deadline with exactly one outcome', async () => {
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    for (let round = 0; round < 12; round++) {
      const request = await makeApprovalRequest(db, { requester, target, expiresInMs: 40 });
      const [decided, expired] = await Promise.allSettled([
        sleep(Math.random() * 80).then(() => decideApproval(wide.db, { actor: approver, requestId: request.id, decision: 'approve' })),
        sleep(60 + Math.random() * 20).then(() => expireApprovalRequest(wide.db, request.id)),
      ]);
      const decideWon = decided.status === 'fulfilled';
      const expireWon = expired.status === 'fulfilled' && expired.value !== null;
      expect(Number(decideWon) + Number(expireWon), `round ${round}`).toBe(1);
      if (!decideWon) expect(decided.status === 'rejected' && decided.reason.code).toBe('CONFLICT');
      expect((await statusOf(request.id)).status).toBe(decideWon ? 'approved' : 'expired');
    }
  });
});
