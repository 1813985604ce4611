import { integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users';

export const TLS_MODES = ['disable', 'require', 'verify-full'] as const;
export type TlsMode = (typeof TLS_MODES)[number];

export const TARGET_KINDS = ['postgres'] as const;

export const tlsModeEnum = pgEnum('tls_mode', TLS_MODES);
export const targetKindEnum = pgEnum('target_kind', TARGET_KINDS);

export const targets = pgTable('targets', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull().unique(),
  kind: targetKindEnum('kind').notNull().default('postgres'),
  host: text('host').notNull(),
  port: integer('port').notNull(),
  database: text('database').notNull(),
  username: text('username').notNull(),
  /** AES-256-GCM ciphertext bound to the row id; see lib/crypto/secret-box.ts. */
  passwordCiphertext: text('password_ciphertext').notNull(),
  tlsMode: tlsModeEnum('tls_mode').notNull().default('require'),
  createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type TargetRow = typeof targets.$inferSelect;
