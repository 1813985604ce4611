import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { setupTestDb, uniqueName } from '@/test/db';
import { makeActor } from '@/test/actors';
import { approvalRequests } from '@/lib/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { approvalBindingHash } from './approval-binding-hash';
import { decideApproval } from './decide-approval';
import { expireApprovalRequest } from './expire-approval-request';
import { withdrawApprovalRequest } from './withdraw-approval-request';
import { abortApprovalRequests } from './abort-approval-requests';
import { consumeApproval } from './consume-approval';
import { makeApprovalRequest, makeApprovalTarget, makeOverdue } from './approval-test-fixtures';

const { db } = setupTestDb();

let target: { id: string; name: string };
let requester: Actor;
let approver: Actor;

beforeAll(async () => {
  target = await makeApprovalTarget(db, uniqueName('lifecycle'));
  requester = await makeActor(db, 'user');
  approver = await makeActor(db, 'approver');
});

const statusOf = async (id: string) => (await db.select().from(approvalRequests).where(eq(approvalRequests.id, id)))[0]!.status;
const approve = (id: string) => decideApproval(db, { actor: approver, requestId: id, decision: 'approve' });

describe('createApprovalRequest', () => {
  it('stores a pending request bound to the statement, expiring by the database clock', async () => {
    const before = Date.now();
    const row = await makeApprovalRequest(db, { requester, target, expiresInMs: 300_000 });
    expect(row).toMatchObject({ status: 'pending', requiredApprovals: 1, approverRoles: ['approver', 'admin'], params: ['42'], consumedAt: null });
    expect(row.bindingHash).toBe(
      approvalBindingHash({ targetId: target.id, userId: requester.id, tokenId: null, text: row.statementText, params: ['42'] }),
    );
    expect(row.expiresAt.getTime() - before).toBeGreaterThan(290_000);
    expect(row.expiresAt.getTime() - before).toBeLessThan(310_000);
  });

  it('refuses a binding hash that does not match, and bad input', async () => {
    await expect(makeApprovalRequest(db, { requester, target, bindingHash: 'a'.repeat(64) })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      fieldErrors: { bindingHash: ['Does not match'] },
    });
    await expect(makeApprovalRequest(db, { requester, target, requiredApprovals: 0, expiresInMs: 0 })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      fieldErrors: { requiredApprovals: [expect.any(String)], expiresInMs: [expect.any(String)] },
    });
  });
});

describe('expire, withdraw and abort move only pending requests', () => {
  it('expires only once the deadline has passed', async () => {
    const row = await makeApprovalRequest(db, { requester, target });
    expect(await expireApprovalRequest(db, row.id)).toBeNull();
    await makeOverdue(db, row.id);
    expect(await expireApprovalRequest(db, row.id)).toMatchObject({ status: 'expired', decidedAt: expect.any(Date) });
    expect(await expireApprovalRequest(db, row.id)).toBeNull();

    const approved = await makeApprovalRequest(db, { requester, target });
    await approve(approved.id);
    await makeOverdue(db, approved.id);
    expect(await expireApprovalRequest(db, approved.id)).toBeNull();
    expect(await statusOf(approved.id)).toBe('approved');
  });

  it('withdraws a pending request with the reason, once', async () => {
    const row = await makeApprovalRequest(db, { requester, target });
    expect(await withdrawApprovalRequest(db, row.id, 'client disconnected')).toMatchObject({ status: 'withdrawn', decisionReason: 'client disconnected' });
    expect(await withdrawApprovalRequest(db, row.id, 'again')).toBeNull();

    const approved = await makeApprovalRequest(db, { requester, target });
    await approve(approved.id);
    expect(await withdrawApprovalRequest(db, approved.id, 'cancel')).toBeNull();
    expect(await statusOf(approved.id)).toBe('approved');
  });

  it("aborts the pending requests of one gateway instance and nothing else", async () => {
    const [mine, other] = [uniqueName('gw'), uniqueName('gw')];
    const pending = [await makeApprovalRequest(db, { requester, target, gatewayInstance: mine }), await makeApprovalRequest(db, { requester, target, gatewayInstance: mine })];
    const approved = await makeApprovalRequest(db, { requester, target, gatewayInstance: mine });
    await approve(approved.id);
    const elsewhere = await makeApprovalRequest(db, { requester, target, gatewayInstance: other });

    expect(await abortApprovalRequests(db, mine)).toBe(2);
    for (const row of pending) expect(await statusOf(row.id)).toBe('aborted');
    expect(await statusOf(approved.id)).toBe('approved');
    expect(await statusOf(elsewhere.id)).toBe('pending');
    expect(await abortApprovalRequests(db, mine)).toBe(0);
  });
});

describe('consumeApproval', () => {
  it('lets an approved "don\'t wait" statement run once', async () => {
    const text = `update orders set note = '${uniqueName('n')}'`;
    const row = await makeApprovalRequest(db, { requester, target, waitMode: 'dont_wait', statementText: text, params: null });
    expect(await consumeApproval(db, row.bindingHash)).toBeNull();
    await approve(row.id);
    const consumed = await consumeApproval(db, row.bindingHash);
    expect(consumed).toMatchObject({ id: row.id, status: 'approved', consumedAt: expect.any(Date) });
    expect(await consumeApproval(db, row.bindingHash)).toBeNull();
  });

  it('hands one approval to only one of several simultaneous retries', async () => {
    const row = await makeApprovalRequest(db, { requester, target, waitMode: 'dont_wait', statementText: `select pg_sleep(0) -- ${uniqueName('c')}` });
    await approve(row.id);
    const results = await Promise.all(Array.from({ length: 4 }, () => consumeApproval(db, row.bindingHash)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it.each<[string, (id: string) => Promise<unknown>, 'wait' | 'dont_wait']>([
    ['pending', async () => {}, 'dont_wait'],
    ['denied', (id) => decideApproval(db, { actor: approver, requestId: id, decision: 'deny', reason: 'no' }), 'dont_wait'],
    ['approved but past its deadline', async (id) => (await approve(id), makeOverdue(db, id)), 'dont_wait'],
    ['approved for a waiting session, which runs it itself', (id) => approve(id), 'wait'],
  ])('does not consume a request that is %s', async (_label, settle, waitMode) => {
    const row = await makeApprovalRequest(db, { requester, target, waitMode, statementText: `delete from t -- ${uniqueName('x')}` });
    await settle(row.id);
    expect(await consumeApproval(db, row.bindingHash)).toBeNull();
  });
});
