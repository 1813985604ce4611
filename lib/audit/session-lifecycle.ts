import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { gatewaySessions } from '../db/schema';
import { appendAuditEvent } from './append-audit-event';
import { GENESIS_HASH } from './chain/link-hash';
import { describeDelegation } from '../auth/oidc/delegation-chain';

export type NewGatewaySession = typeof gatewaySessions.$inferInsert & { id: string };
export type SessionChainHead = { links: number; head: string };

/** Records a session's start and its 'session.started' event in one transaction: the chain names every session. */
export async function recordSessionStart(db: Db, s: NewGatewaySession): Promise<void> {
  const acting = describeDelegation(s.actingFor);
  await db.transaction(async (tx) => {
    await tx.insert(gatewaySessions).values(s);
    await appendAuditEvent(tx, {
      actor: { id: s.userId ?? null, email: s.userEmail, address: s.clientAddress ?? null },
      action: 'session.started',
      subjectType: 'session',
      subjectId: s.id,
      summary: `${s.userEmail}${acting ? ` acting for ${acting}` : ''} connected to ${s.targetName}`,
      details: {
        targetId: s.targetId ?? null,
        targetName: s.targetName,
        userId: s.userId ?? null,
        tokenId: s.tokenId ?? null,
        authMethod: s.authMethod ?? 'token',
        actingFor: s.actingFor ?? null,
        clientAddress: s.clientAddress ?? null,
        applicationName: s.applicationName ?? null,
        gatewayInstance: s.gatewayInstance,
      },
    });
  });
}

/**
 * Ends a session once and seals its chain: the 'session.ended' event carries the number of links
 * and the last hash, so records removed from the end are caught. A session already ended is left alone.
 */
export async function recordSessionEnd(db: Db, input: { id: string; reason: string; head: SessionChainHead; orphaned?: boolean }): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [ended] = await tx
      .update(gatewaySessions)
      .set({ endedAt: new Date(), endReason: input.reason })
      .where(and(eq(gatewaySessions.id, input.id), isNull(gatewaySessions.endedAt)))
      .returning({ userId: gatewaySessions.userId, userEmail: gatewaySessions.userEmail, targetName: gatewaySessions.targetName });
    if (!ended) return false;
    await appendAuditEvent(tx, {
      actor: { id: ended.userId, email: ended.userEmail },
      action: 'session.ended',
      subjectType: 'session',
      subjectId: input.id,
      summary: `${ended.userEmail}'s session on ${ended.targetName} ended: ${input.reason}`,
      details: { reason: input.reason, links: input.head.links, head: input.head.head, ...(input.orphaned ? { orphaned: true } : {}) },
    });
    return true;
  });
}

/** The last link a session's records reached in the store (after a crash, what was written is all there is). */
export async function storedChainHead(db: Db, sessionId: string): Promise<SessionChainHead> {
  const rows = await db.execute<{ link: number; hash: string }>(sql`
    select link, hash from (
      select link, hash from statements where session_id = ${sessionId} and link is not null
      union all
      select o.link, o.hash from statement_outcomes o join statements s on s.id = o.statement_id where s.session_id = ${sessionId} and o.link is not null
    ) l order by link desc limit 1`);
  const last = rows[0];
  return last ? { links: Number(last.link), head: last.hash } : { links: 0, head: GENESIS_HASH };
}

/** Marks sessions a previous run of this gateway instance left open (a crash or kill) as ended. */
export async function closeOrphanedSessions(db: Db, gatewayInstance: string, reason: string): Promise<number> {
  const open = await db
    .select({ id: gatewaySessions.id })
    .from(gatewaySessions)
    .where(and(eq(gatewaySessions.gatewayInstance, gatewayInstance), isNull(gatewaySessions.endedAt)));
  let closed = 0;
  for (const { id } of open) {
    if (await recordSessionEnd(db, { id, reason, head: await storedChainHead(db, id), orphaned: true })) closed++;
  }
  return closed;
}
