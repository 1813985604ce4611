import { pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const ROLES = ['admin', 'approver', 'auditor', 'user'] as const;
export type Role = (typeof ROLES)[number];

export const USER_KINDS = ['human', 'service'] as const;
export type UserKind = (typeof USER_KINDS)[number];

export const roleEnum = pgEnum('role', ROLES);
export const userKindEnum = pgEnum('user_kind', USER_KINDS);

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  kind: userKindEnum('kind').notNull().default('human'),
  role: roleEnum('role').notNull().default('user'),
  passwordHash: text('password_hash'),
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
  /** For a service identity: the `sub` of the identity provider's JWTs that authenticate as it. */
  oidcSubject: text('oidc_subject').unique(),
  /** Target ids a service identity's JWTs may reach; null means every target. Tokens carry their own scope. */
  targetIds: uuid('target_ids').array(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type UserRow = typeof users.$inferSelect;
