import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Everything people and the gateway do outside statements: sign-ins, changes to targets, rules,
 * tokens and users, approval decisions, session starts and ends, terminations and purges. One
 * hash chain in `seq` order (lib/audit/chain); the application's role may only INSERT and SELECT.
 * No foreign keys: an event outlives what it names.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    id: uuid('id').notNull().unique(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    actorEmail: text('actor_email').notNull(),
    actorRole: text('actor_role'),
    actorAddress: text('actor_address'),
    action: text('action').notNull(),
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    summary: text('summary').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_events_at_idx').on(t.at), index('audit_events_action_idx').on(t.action, t.at), index('audit_events_subject_idx').on(t.subjectType, t.subjectId)],
);

export type AuditEventRow = typeof auditEvents.$inferSelect;
