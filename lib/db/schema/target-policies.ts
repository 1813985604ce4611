import { integer, jsonb, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { users } from './users';
import { targets } from './targets';

/** A target's ordered statement rules, replaced as a whole so that reorders are atomic. */
export const targetPolicies = pgTable('target_policies', {
  targetId: uuid('target_id')
    .primaryKey()
    .references(() => targets.id, { onDelete: 'cascade' }),
  rules: jsonb('rules').notNull().$type<unknown[]>(),
  /** Session bounds and audit strictness; see lib/policy/session-settings.ts. */
  settings: jsonb('settings').notNull().default(sql`'{}'::jsonb`).$type<Record<string, unknown>>(),
  /** Ordered masking rules (lib/masking/masking-schema.ts), replaced as a whole like the statement rules. */
  masking: jsonb('masking').notNull().default(sql`'[]'::jsonb`).$type<unknown[]>(),
  version: integer('version').notNull().default(1),
  updatedById: uuid('updated_by_id').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
