import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestDb, uniqueName } from '@/test/db';
import { makeActor } from '@/test/actors';
import type { Role } from '@/lib/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { listApprovalRequests } from './list-approval-requests';
import { getApprovalRequest } from './get-approval-request';
import { decideApproval } from './decide-approval';
import { makeApprovalRequest, makeApprovalTarget } from './approval-test-fixtures';

const { db } = setupTestDb();

let target: { id: string; name: string };
let alice: Actor;
let bob: Actor;
let aliceRequests: string[];
let bobRequest: string;

beforeAll(async () => {
  target = await makeApprovalTarget(db, uniqueName('visibility'));
  alice = await makeActor(db, 'user');
  bob = await makeActor(db, 'auditor');
  const first = await makeApprovalRequest(db, { requester: alice, target });
  const second = await makeApprovalRequest(db, { requester: alice, target });
  aliceRequests = [second.id, first.id];
  bobRequest = (await makeApprovalRequest(db, { requester: bob, target })).id;
});

const idsFor = async (actor: Actor, filters: { status?: 'pending' | 'approved' } = {}) =>
  (await listApprovalRequests(db, { actor, targetName: target.name, ...filters })).map((r) => r.id);

describe('approval visibility', () => {
  it.each<[Role]>([['approver'], ['admin']])('shows every request to an %s, newest first', async (role) => {
    const actor = await makeActor(db, role);
    expect(await idsFor(actor)).toEqual([bobRequest, ...aliceRequests]);
    expect((await getApprovalRequest(db, { actor, id: bobRequest })).id).toBe(bobRequest);
  });

  it('shows others only their own requests, and hides the rest as not found', async () => {
    expect(await idsFor(alice)).toEqual(aliceRequests);
    expect(await idsFor(bob)).toEqual([bobRequest]);
    await expect(getApprovalRequest(db, { actor: alice, id: bobRequest })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getApprovalRequest(db, { actor: bob, id: aliceRequests[0]! })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getApprovalRequest(db, { actor: bob, id: 'not-a-uuid' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('filters by status and limits, and refuses an unknown status', async () => {
    const approver = await makeActor(db, 'approver');
    await decideApproval(db, { actor: approver, requestId: aliceRequests[1]!, decision: 'approve', reason: 'fine' });
    expect(await idsFor(alice, { status: 'approved' })).toEqual([aliceRequests[1]]);
    expect(await idsFor(alice, { status: 'pending' })).toEqual([aliceRequests[0]]);
    expect(await listApprovalRequests(db, { actor: approver, targetName: target.name, limit: '1' })).toHaveLength(1);
    await expect(listApprovalRequests(db, { actor: approver, status: 'lost' as 'pending' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      fieldErrors: { status: [expect.any(String)] },
    });

    const detail = await getApprovalRequest(db, { actor: alice, id: aliceRequests[1]! });
    expect(detail).toMatchObject({ status: 'approved', decidedByEmail: approver.email });
    expect(detail.decisions).toEqual([expect.objectContaining({ approverEmail: approver.email, decision: 'approve', reason: 'fine' })]);
  });
});
