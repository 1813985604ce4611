import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { roleEnum, users } from './users';
import { targets } from './targets';

export const ACCESS_GRANT_STATUSES = ['pending', 'approved', 'denied', 'revoked'] as const;
export type AccessGrantStatus = (typeof ACCESS_GRANT_STATUSES)[number];

export const ACCESS_GRANT_MIN_SECONDS = 60;
export const ACCESS_GRANT_MAX_SECONDS = 86_400;

/**
 * A person's time-boxed use of a role on one target. starts_at and ends_at are set on approval from
 * the database clock; revocation moves ends_at to now(). Every change is a conditional UPDATE.
 */
export const accessGrants = pgTable(
  'access_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    userEmail: text('user_email').notNull(),
    targetId: uuid('target_id')
      .notNull()
      .references(() => targets.id, { onDelete: 'cascade' }),
    targetName: text('target_name').notNull(),
    role: roleEnum('role').notNull(),
    reason: text('reason').notNull(),
    durationSeconds: integer('duration_seconds').notNull(),
    status: text('status').$type<AccessGrantStatus>().notNull().default('pending'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedByEmail: text('decided_by_email'),
    decisionReason: text('decision_reason'),
    startsAt: timestamp('starts_at', { withTimezone: true }),
    endsAt: timestamp('ends_at', { withTimezone: true }),
  },
  (t) => [
    index('access_grants_user_target_status_idx').on(t.userId, t.targetId, t.status),
    check('access_grants_status_check', sql`${t.status} in ('pending', 'approved', 'denied', 'revoked')`),
    check(
      'access_grants_duration_check',
      sql`${t.durationSeconds} between ${sql.raw(String(ACCESS_GRANT_MIN_SECONDS))} and ${sql.raw(String(ACCESS_GRANT_MAX_SECONDS))}`,
    ),
  ],
);

export type AccessGrantRow = typeof accessGrants.$inferSelect;
