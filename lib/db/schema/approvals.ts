import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { users, type Role } from './users';
import { targets } from './targets';
import type { StatementRow } from './gateway-sessions';

export const APPROVAL_STATUSES = ['pending', 'approved', 'denied', 'expired', 'withdrawn', 'aborted'] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

export const APPROVAL_WAIT_MODES = ['wait', 'dont_wait'] as const;
export type ApprovalWaitMode = (typeof APPROVAL_WAIT_MODES)[number];

export const APPROVAL_DECISIONS = ['approve', 'deny'] as const;
export type ApprovalDecisionKind = (typeof APPROVAL_DECISIONS)[number];

export const approvalStatusEnum = pgEnum('approval_status', APPROVAL_STATUSES);

/**
 * A statement the gateway holds until people decide. The row is the truth: every state change is a
 * conditional UPDATE from 'pending', so concurrent approvers, expiry and withdrawal end in one outcome.
 */
export const approvalRequests = pgTable(
  'approval_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    targetId: uuid('target_id').references(() => targets.id, { onDelete: 'set null' }),
    targetName: text('target_name').notNull(),
    /** The gateway session; no foreign key, for the reason given on statements.session_id. */
    sessionId: uuid('session_id'),
    requesterId: uuid('requester_id').references(() => users.id, { onDelete: 'set null' }),
    requesterEmail: text('requester_email').notNull(),
    tokenId: uuid('token_id'),
    statementText: text('statement_text').notNull(),
    params: jsonb('params').$type<(string | null)[]>(),
    classification: jsonb('classification').$type<StatementRow['classification']>(),
    ruleId: text('rule_id'),
    ruleName: text('rule_name'),
    heldReason: text('held_reason').notNull(),
    /** See lib/approvals/approval-binding-hash.ts: what exactly an approval covers. */
    bindingHash: text('binding_hash').notNull(),
    status: approvalStatusEnum('status').notNull().default('pending'),
    requiredApprovals: integer('required_approvals').notNull().default(1),
    approverRoles: text('approver_roles')
      .array()
      .$type<Role[]>()
      .notNull()
      .default(sql`'{approver,admin}'::text[]`),
    waitMode: text('wait_mode').$type<ApprovalWaitMode>().notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    gatewayInstance: text('gateway_instance'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedByEmail: text('decided_by_email'),
    decisionReason: text('decision_reason'),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
  },
  (t) => [
    index('approval_requests_status_created_idx').on(t.status, t.createdAt.desc()),
    index('approval_requests_binding_hash_idx').on(t.bindingHash),
    check('approval_requests_wait_mode_check', sql`${t.waitMode} in ('wait', 'dont_wait')`),
    check('approval_requests_required_approvals_check', sql`${t.requiredApprovals} >= 1`),
  ],
);

/** One approver's vote; one per approver and request, so a double click cannot count twice. */
export const approvalDecisions = pgTable(
  'approval_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => approvalRequests.id, { onDelete: 'cascade' }),
    approverId: uuid('approver_id').references(() => users.id, { onDelete: 'set null' }),
    approverEmail: text('approver_email').notNull(),
    decision: text('decision').$type<ApprovalDecisionKind>().notNull(),
    reason: text('reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('approval_decisions_request_approver_uniq').on(t.requestId, t.approverId),
    check('approval_decisions_decision_check', sql`${t.decision} in ('approve', 'deny')`),
  ],
);

export type ApprovalRequestRow = typeof approvalRequests.$inferSelect;
export type ApprovalDecisionRow = typeof approvalDecisions.$inferSelect;
