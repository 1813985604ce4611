import { sql } from 'drizzle-orm';
import { bigint, boolean, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users';
import { targets } from './targets';
import { accessTokens } from './access-tokens';

/** One client connection through the gateway, from authentication to its end. */
export const gatewaySessions = pgTable(
  'gateway_sessions',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    userEmail: text('user_email').notNull(),
    tokenId: uuid('token_id').references(() => accessTokens.id, { onDelete: 'set null' }),
    targetId: uuid('target_id').references(() => targets.id, { onDelete: 'set null' }),
    targetName: text('target_name').notNull(),
    protocol: text('protocol').notNull().default('postgres'),
    clientAddress: text('client_address'),
    applicationName: text('application_name'),
    gatewayInstance: text('gateway_instance').notNull(),
    /** How the caller authenticated: a Gatehouse access token, or the identity provider's JWT. */
    authMethod: text('auth_method').$type<'token' | 'jwt'>().notNull().default('token'),
    /** Whom the caller acts for (token's acting_for, or the JWT's nested `act` claims), outermost first. */
    actingFor: jsonb('acting_for').$type<DelegationChain>(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endReason: text('end_reason'),
  },
  (t) => [index('gateway_sessions_started_idx').on(t.startedAt), index('gateway_sessions_user_idx').on(t.userId)],
);

/** One statement a client sent: what it was, what Gatehouse decided, and what came of it. */
export const statements = pgTable(
  'statements',
  {
    id: uuid('id').primaryKey(),
    /** No foreign key on purpose: the audit writer only writes records of sessions it started, and a
     * key check per inserted row (worse, a cached sequential-scan plan) would sit on the hot path. */
    sessionId: uuid('session_id').notNull(),
    seq: integer('seq').notNull(),
    protocol: text('protocol').notNull(),
    text: text('text').notNull(),
    params: jsonb('params').$type<(string | null)[]>(),
    classification: jsonb('classification').$type<{ kinds: string[]; tables: string[]; functions: string[]; flags: string[]; commands: string[] } | null>(),
    decision: text('decision').notNull(),
    ruleId: text('rule_id'),
    ruleName: text('rule_name'),
    message: text('message'),
    /** The approval request this statement was held for, if any (lib/db/schema/approvals.ts). */
    approvalId: uuid('approval_id'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    /** Position in the session's hash chain (lib/audit/chain), shared with the session's outcomes. */
    link: integer('link'),
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (t) => [
    index('statements_session_seq_idx').on(t.sessionId, t.seq),
    index('statements_started_idx').on(t.startedAt),
    index('statements_session_flagged_idx').on(t.sessionId, t.decision).where(sql`${t.decision} <> 'allow'`),
  ],
);

/**
 * What came of a statement, written when the answer is known. A separate append-only table: the
 * statement record is committed before a write runs, and neither is ever updated afterwards.
 */
export const statementOutcomes = pgTable('statement_outcomes', {
  /** No foreign key, for the reason given on statements.session_id; the writer checks the link. */
  statementId: uuid('statement_id').primaryKey(),
  /** The statement's session, so per-session counts need not visit each statement (no foreign key either). */
  sessionId: uuid('session_id'),
  commandTag: text('command_tag'),
  rowCount: bigint('row_count', { mode: 'number' }),
  sqlstate: text('sqlstate'),
  errorMessage: text('error_message'),
  durationMs: doublePrecision('duration_ms'),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  /** Whether masking changed what the caller received. */
  masked: boolean('masked').notNull().default(false),
  /** The result's columns and its first rows as the caller received them (masked), for replay. */
  columns: jsonb('columns').$type<RecordedColumn[]>(),
  rows: jsonb('rows').$type<(string | null)[][]>(),
  rowsTruncated: boolean('rows_truncated').notNull().default(false),
  link: integer('link'),
  prevHash: text('prev_hash'),
  hash: text('hash'),
}, (t) => [index('statement_outcomes_masked_session_idx').on(t.sessionId).where(sql`${t.masked}`)]);

/** One party of a delegation: a subject and, when known, its e-mail or name. */
export type DelegationParty = { sub: string; email?: string | null; name?: string | null };
export type DelegationChain = DelegationParty[];

export type RecordedColumn = { name: string; typeOid: number };

export type GatewaySessionRow = typeof gatewaySessions.$inferSelect;
export type StatementRow = typeof statements.$inferSelect;
export type StatementOutcomeRow = typeof statementOutcomes.$inferSelect;
