import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { approvalRequests, type ApprovalRequestRow } from '../db/schema';
import { CLI_ACTOR, type Actor } from '../auth/actor';
import { createTarget } from '../targets/create-target';
import { createApprovalRequest } from './create-approval-request';
import type { CreateApprovalRequestInput } from './approval-schemas';

/** Test data for the approval tests: a target of its own and held statements on it. */
export async function makeApprovalTarget(db: Db, name: string): Promise<{ id: string; name: string }> {
  const target = await createTarget(db, {
    actor: CLI_ACTOR,
    input: { name, host: 'db.example.test', port: 5432, database: 'app', username: 'app', password: 'pw-12345', tlsMode: 'require' },
  });
  return { id: target.id, name: target.name };
}

export function makeApprovalRequest(
  db: Db,
  options: { requester: Actor; target: { id: string; name: string } } & Partial<CreateApprovalRequestInput>,
): Promise<ApprovalRequestRow> {
  const { requester, target, ...overrides } = options;
  return createApprovalRequest(db, {
    targetId: target.id,
    targetName: target.name,
    requesterId: requester.id,
    requesterEmail: requester.email,
    statementText: 'delete from orders where id = $1',
    params: ['42'],
    heldReason: 'Statements that change data need approval',
    ruleId: 'default-approve-write',
    ruleName: 'Approve writes',
    waitMode: 'wait',
    expiresInMs: 60_000,
    gatewayInstance: 'gw-test',
    ...overrides,
  });
}

/** Moves a request's deadline into the past, by the database clock. */
export async function makeOverdue(db: Db, id: string): Promise<void> {
  await db.update(approvalRequests).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(approvalRequests.id, id));
}
