import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client';
import { gatewaySessions, statementOutcomes, statements, type RecordedColumn, type StatementRow } from '../db/schema';
import type { Actor } from '../auth/actor';
import { appendAuditEvent } from '../audit/append-audit-event';

/** Test data for the session tests, written with the owner's connection as the gateway would. */
export type SeedOutcome = {
  commandTag?: string | null;
  rowCount?: number | null;
  sqlstate?: string | null;
  errorMessage?: string | null;
  durationMs?: number | null;
  masked?: boolean;
  columns?: RecordedColumn[] | null;
  rows?: (string | null)[][] | null;
  rowsTruncated?: boolean;
};

export type SeedStatement = {
  text: string;
  seq?: number;
  /** Milliseconds after the session started. */
  atMs?: number;
  decision?: StatementRow['decision'];
  params?: (string | null)[] | null;
  tables?: string[];
  ruleId?: string | null;
  ruleName?: string | null;
  message?: string | null;
  approvalId?: string | null;
  outcome?: SeedOutcome | null;
};

export type SeedSession = {
  user: Pick<Actor, 'id' | 'email'>;
  targetName: string;
  targetId?: string | null;
  tokenId?: string | null;
  startedAt?: Date;
  /** Milliseconds after the start; absent for a live session. */
  endedAfterMs?: number;
  endReason?: string;
  statements?: SeedStatement[];
  /** Also write the session.started (and session.ended) audit events. */
  withEvents?: boolean;
};

const GATEWAY = { id: null, email: 'gateway', role: 'gateway' } as const;

export async function makeSession(db: Db, seed: SeedSession): Promise<{ id: string; startedAt: Date; statementIds: string[] }> {
  const id = randomUUID();
  const startedAt = seed.startedAt ?? new Date(Date.now() - 60_000);
  const endedAt = seed.endedAfterMs === undefined ? null : new Date(startedAt.getTime() + seed.endedAfterMs);
  await db.insert(gatewaySessions).values({
    id,
    userId: seed.user.id,
    userEmail: seed.user.email,
    tokenId: seed.tokenId ?? null,
    targetId: seed.targetId ?? null,
    targetName: seed.targetName,
    clientAddress: '127.0.0.1',
    applicationName: 'psql',
    gatewayInstance: 'gw-test',
    startedAt,
    endedAt,
    endReason: endedAt ? (seed.endReason ?? 'client disconnected') : null,
  });
  const rows = (seed.statements ?? []).map((s, i) => ({ ...s, id: randomUUID(), seq: s.seq ?? i + 1 }));
  if (rows.length) {
    await db.insert(statements).values(
      rows.map((s) => ({
        id: s.id,
        sessionId: id,
        seq: s.seq,
        protocol: s.params ? 'extended' : 'simple',
        text: s.text,
        params: s.params ?? null,
        classification: { kinds: [], tables: s.tables ?? [], functions: [], flags: [], commands: [] },
        decision: s.decision ?? 'allow',
        ruleId: s.ruleId ?? null,
        ruleName: s.ruleName ?? null,
        message: s.message ?? null,
        approvalId: s.approvalId ?? null,
        startedAt: new Date(startedAt.getTime() + (s.atMs ?? s.seq * 1000)),
      })),
    );
    const outcomes = rows.filter((s) => s.outcome);
    if (outcomes.length) {
      await db.insert(statementOutcomes).values(
        outcomes.map((s) => ({
          statementId: s.id,
          sessionId: id,
          commandTag: s.outcome!.commandTag ?? null,
          rowCount: s.outcome!.rowCount ?? null,
          sqlstate: s.outcome!.sqlstate ?? null,
          errorMessage: s.outcome!.errorMessage ?? null,
          durationMs: s.outcome!.durationMs ?? null,
          masked: s.outcome!.masked ?? false,
          columns: s.outcome!.columns ?? null,
          rows: s.outcome!.rows ?? null,
          rowsTruncated: s.outcome!.rowsTruncated ?? false,
        })),
      );
    }
  }
  if (seed.withEvents) {
    await appendAuditEvent(db, { actor: GATEWAY, action: 'session.started', subjectType: 'session', subjectId: id, summary: `${seed.user.email} connected`, details: { targetName: seed.targetName } });
    if (endedAt) {
      await appendAuditEvent(db, { actor: GATEWAY, action: 'session.ended', subjectType: 'session', subjectId: id, summary: 'session ended', details: { reason: seed.endReason ?? 'client disconnected' } });
    }
  }
  return { id, startedAt, statementIds: rows.map((r) => r.id) };
}
