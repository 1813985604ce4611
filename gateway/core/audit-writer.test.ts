import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { listStatementRecords } from '@/lib/audit/statement-records';
import { setupTestDb } from '@/test/db';
import { makeActor } from '@/test/actors';
import { statements } from '@/lib/db/schema';
import { AuditWriter } from './audit-writer';
import type { StatementRecord } from './audit-sink';

const { db, sql } = setupTestDb();

describe('AuditWriter', () => {
  it('commits a backlog far larger than one INSERT may carry, with the outcomes merged in', async () => {
    const actor = await makeActor(db, 'user');
    const writer = new AuditWriter(sql, { batchWindowMs: 1000 });
    const sessionId = randomUUID();
    await writer.startSession({
      id: sessionId, userId: actor.id!, userEmail: actor.email, tokenId: null, targetId: null as unknown as string,
      targetName: 'backlog', clientAddress: null, applicationName: null, gatewayInstance: 'test',
    });
    const records: StatementRecord[] = Array.from({ length: 6000 }, (_, i) => ({
      id: randomUUID(), sessionId, seq: i + 1, protocol: 'simple', text: `select ${i}`, params: null, classification: null,
      decision: 'allow', ruleId: null, ruleName: null, message: null, startedAt: new Date(),
    }));
    for (const r of records) writer.recordBatched(r);
    writer.completeStatement(records[0]!.id, { commandTag: 'SELECT 1', rowCount: 1, sqlstate: null, errorMessage: null, durationMs: 0.5 });
    await writer.flush();
    expect(writer.isHealthy).toBe(true);
    expect(await db.$count(statements, eq(statements.sessionId, sessionId))).toBe(6000);
    writer.completeStatement(records[1]!.id, { commandTag: 'SELECT 1', rowCount: 1, sqlstate: null, errorMessage: null, durationMs: 0.7 });
    await writer.close();
    const [first] = await listStatementRecords(db, eq(statements.id, records[0]!.id));
    const [second] = await listStatementRecords(db, eq(statements.id, records[1]!.id));
    expect(first).toMatchObject({ commandTag: 'SELECT 1', rowCount: 1 });
    expect(second).toMatchObject({ commandTag: 'SELECT 1', rowCount: 1 });
  });
});
