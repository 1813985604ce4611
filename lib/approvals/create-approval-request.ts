import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { approvalRequests, type ApprovalRequestRow } from '../db/schema';
import { AppError } from '../errors';
import { parseInput } from '../validation';
import { approvalBindingHash } from './approval-binding-hash';
import { createApprovalRequestSchema, type CreateApprovalRequestInput } from './approval-schemas';

/**
 * Records a held statement as a pending request; called by the gateway, which has already decided
 * that the rule requires approval, so there is no actor to check. The binding hash is computed here
 * (a hash passed in must agree) and the expiry is taken from the database clock, the same clock
 * expiry and consumption compare against.
 */
export async function createApprovalRequest(db: Db, input: CreateApprovalRequestInput): Promise<ApprovalRequestRow> {
  const { expiresInMs, bindingHash: given, ...fields } = parseInput(createApprovalRequestSchema, input);
  const bindingHash = approvalBindingHash({
    targetId: fields.targetId,
    userId: fields.requesterId,
    tokenId: fields.tokenId,
    text: fields.statementText,
    params: fields.params,
  });
  if (given && given !== bindingHash) {
    throw new AppError('INVALID_INPUT', 'The binding hash does not match the statement, identity and target', {
      fieldErrors: { bindingHash: ['Does not match'] },
    });
  }
  const [row] = await db
    .insert(approvalRequests)
    .values({ ...fields, bindingHash, expiresAt: sql`now() + ${expiresInMs}::double precision * interval '1 millisecond'` })
    .returning();
  return row!;
}
