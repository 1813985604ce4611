import { randomUUID } from 'node:crypto';
import { desc, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { auditEvents } from '../db/schema';
import type { Actor } from '../auth/actor';
import type { AuditAction } from './audit-actions';
import { GENESIS_HASH, linkHash } from './chain/link-hash';
import { auditEventPayload } from './chain/link-payloads';

/** Who an event is attributed to: a portal actor, or the gateway / scheduler acting for itself. */
export type AuditEventActor = Pick<Actor, 'id' | 'email'> & { role?: string | null; address?: string | null };

export type AppendAuditEventInput = {
  actor: AuditEventActor;
  action: AuditAction;
  subjectType?: string | null;
  subjectId?: string | null;
  summary: string;
  /** What changed; never secrets (passwords, token values, keys). */
  details?: Record<string, unknown>;
};

/** Any 64-bit number works as long as every writer uses the same one: it serialises appends. */
const CHAIN_LOCK = 0x6761_7465_686f_7573n;

/**
 * Appends one event to the audit chain. Appends are serialised by a transaction-scoped advisory
 * lock; inside a caller's transaction (pass the transaction) the event commits or rolls back with
 * the change it describes.
 */
export async function appendAuditEvent(db: Db, input: AppendAuditEventInput): Promise<{ seq: number; id: string }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK.toString()}::bigint)`);
    const [last] = await tx.select({ seq: auditEvents.seq, hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1);
    const fields = {
      seq: (last?.seq ?? 0) + 1,
      id: randomUUID(),
      at: new Date(),
      actorId: input.actor.id,
      actorEmail: input.actor.email,
      actorRole: input.actor.role ?? null,
      actorAddress: input.actor.address ?? null,
      action: input.action,
      subjectType: input.subjectType ?? null,
      subjectId: input.subjectId ?? null,
      summary: input.summary,
      details: input.details ?? {},
    };
    const prevHash = last?.hash ?? GENESIS_HASH;
    await tx.insert(auditEvents).values({ ...fields, prevHash, hash: linkHash(prevHash, auditEventPayload(fields)) });
    return { seq: fields.seq, id: fields.id };
  });
}
