import { jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { DelegationChain } from './gateway-sessions';
import { users } from './users';

export const accessTokens = pgTable('access_tokens', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  /** SHA-256 of the token; the token itself is shown once and never stored. */
  tokenHash: text('token_hash').notNull().unique(),
  /** The first characters of the token, so a person can tell tokens apart in a list. */
  displayPrefix: text('display_prefix').notNull(),
  /** Target ids the token may reach; null means every target the user may reach. */
  targetIds: uuid('target_ids').array(),
  /** Who the token's holder acts for (a person, or a parent agent and the person it acts for), outermost first. */
  actingFor: jsonb('acting_for').$type<DelegationChain>(),
  expiresAt: timestamp('expires_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export type AccessTokenRow = typeof accessTokens.$inferSelect;
