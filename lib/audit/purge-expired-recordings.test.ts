import { describe, expect, it } from 'vitest';
import { asc, eq, inArray } from 'drizzle-orm';
import { auditEvents, gatewaySessions, statementOutcomes, statements } from '@/lib/db/schema';
import { verifyAuditChain } from './chain/verify-chain';
import { createRetentionTarget, setupPrivateStore, writeChainedSession } from './chain/chain-test-store';
import { purgeExpiredRecordings } from './purge-expired-recordings';

const store = setupPrivateStore();
const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY);
const twoStatements = [{ text: 'select 1', outcome: true }, { text: 'select 2', outcome: true }];

describe('purgeExpiredRecordings', () => {
  it('purges ended sessions past their retention in batches, each with its recordings.purged event, and then nothing more', async () => {
    const db = store.owner.db;
    const [t1, t2, forever] = [await createRetentionTarget(db, 1), await createRetentionTarget(db, 1), await createRetentionTarget(db, null)];
    const oldest = await writeChainedSession(db, { target: t1, statements: twoStatements, startedAt: ago(3.1), endedAt: ago(3) });
    const otherTarget = await writeChainedSession(db, { target: t2, statements: [{ text: 'select 3' }], startedAt: ago(2.6), endedAt: ago(2.5) });
    const old = await writeChainedSession(db, { target: t1, statements: twoStatements, startedAt: ago(2.1), endedAt: ago(2) });
    const recent = await writeChainedSession(db, { target: t1, statements: twoStatements });
    const live = await writeChainedSession(db, { target: t1, statements: twoStatements, startedAt: ago(5), endedAt: null });
    const kept = await writeChainedSession(db, { target: forever, statements: twoStatements, startedAt: ago(10.1), endedAt: ago(10) });

    // As the application role, which may delete recordings only through the retention function.
    const result = await purgeExpiredRecordings(store.app.db, { limit: 2 });
    expect(result).toEqual({ sessions: 3, statements: 5, batches: 2 });

    const gone = [oldest.id, otherTarget.id, old.id];
    expect(await db.$count(gatewaySessions, inArray(gatewaySessions.id, gone))).toBe(0);
    expect(await db.$count(statements, inArray(statements.sessionId, gone))).toBe(0);
    expect(await db.$count(statementOutcomes, inArray(statementOutcomes.statementId, [...oldest.statementIds, ...old.statementIds]))).toBe(0);
    const remaining = [recent, live, kept];
    expect(await db.$count(gatewaySessions, inArray(gatewaySessions.id, remaining.map((s) => s.id)))).toBe(3);
    expect(await db.$count(statements, inArray(statements.sessionId, remaining.map((s) => s.id)))).toBe(6);

    const events = await db.select().from(auditEvents).where(eq(auditEvents.action, 'recordings.purged')).orderBy(asc(auditEvents.seq));
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ actorId: null, actorEmail: 'gatehouse:retention', subjectType: null, subjectId: null, summary: 'Retention purged 2 recorded sessions of 2 targets (3 statements)' });
    expect(events[0]!.details).toEqual({
      sessions: [
        { id: oldest.id, targetName: t1.name, endedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), statements: 2 },
        { id: otherTarget.id, targetName: t2.name, endedAt: expect.any(String), statements: 1 },
      ],
    });
    expect(new Date((events[0]!.details.sessions as { endedAt: string }[])[0]!.endedAt).getTime()).toBeCloseTo(ago(3).getTime(), -4);
    expect(events[1]).toMatchObject({ subjectType: 'target', subjectId: t1.id, summary: `Retention purged 1 recorded session of ${t1.name} (2 statements)` });

    expect(await purgeExpiredRecordings(store.app.db)).toEqual({ sessions: 0, statements: 0, batches: 0 });
    expect(await db.$count(auditEvents, eq(auditEvents.action, 'recordings.purged'))).toBe(2);

    const verified = await verifyAuditChain(store.app.sql);
    expect(verified.firstBreak).toBeUndefined();
    expect(verified).toMatchObject({ ok: true, purgedSessions: 3, checked: { sessions: 3 } });
  });
});
