import { z } from 'zod';
import { APPROVAL_DECISIONS, APPROVAL_STATUSES, APPROVAL_WAIT_MODES, ROLES } from '../db/schema';

const reason = z.string().trim().max(2000, 'Reason must be at most 2000 characters');

/** A decision as the domain takes it; a denial must say why, because the requester sees the reason. */
export const decideApprovalSchema = z
  .object({
    decision: z.enum(APPROVAL_DECISIONS),
    reason: reason.nullish().transform((v) => (v ? v : undefined)),
  })
  .refine((v) => v.decision !== 'deny' || Boolean(v.reason), { path: ['reason'], message: 'Say why the request is denied' });
export type DecideApprovalInput = z.input<typeof decideApprovalSchema>;

/** The JSON body of POST .../approve and .../deny: the decision itself comes from the path. */
export const approvalDecisionBodySchema = z.object({ reason: z.string().nullish() });

export const listApprovalRequestsSchema = z.object({
  status: z.enum(APPROVAL_STATUSES).optional(),
  targetName: z.string().trim().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1, 'Limit must be 1-500').max(500, 'Limit must be 1-500').default(100),
});
export type ListApprovalRequestsInput = z.input<typeof listApprovalRequestsSchema>;

const params = z.array(z.string().nullable()).nullish();

export const createApprovalRequestSchema = z.object({
  targetId: z.uuid(),
  targetName: z.string().min(1),
  sessionId: z.uuid().nullish(),
  requesterId: z.uuid().nullable(),
  requesterEmail: z.string().min(1),
  tokenId: z.uuid().nullish(),
  statementText: z.string().min(1),
  params,
  classification: z
    .object({ kinds: z.array(z.string()), tables: z.array(z.string()), functions: z.array(z.string()), flags: z.array(z.string()), commands: z.array(z.string()) })
    .nullish(),
  ruleId: z.string().nullish(),
  ruleName: z.string().nullish(),
  heldReason: z.string().min(1),
  bindingHash: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  requiredApprovals: z.int().min(1).max(20).default(1),
  approverRoles: z.array(z.enum(ROLES)).min(1).default(['approver', 'admin']),
  waitMode: z.enum(APPROVAL_WAIT_MODES),
  expiresInMs: z.int().min(1),
  gatewayInstance: z.string().min(1).nullish(),
});
export type CreateApprovalRequestInput = z.input<typeof createApprovalRequestSchema>;
