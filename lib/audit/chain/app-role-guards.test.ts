import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';
import { auditEvents, gatewaySessions, statementOutcomes, statements } from '@/lib/db/schema';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { setupTestDb } from '@/test/db';

// The owner seeds rows; getDb() is the application role the portal, gateway and CLI run as.
const { db: owner } = setupTestDb();

async function refusal(query: string): Promise<{ code?: string; message: string }> {
  try {
    await getDb().execute(sql.raw(query));
  } catch (e) {
    const cause = ((e as { cause?: unknown }).cause ?? e) as { code?: string; message: string };
    return { code: cause.code, message: cause.message };
  }
  throw new Error(`the application role was allowed to run: ${query}`);
}

async function seedSession(endedAt: Date | null) {
  const sessionId = randomUUID();
  const statementId = randomUUID();
  await owner.insert(gatewaySessions).values({ id: sessionId, userEmail: 'guard@example.test', targetName: 'guarded', gatewayInstance: 'guard-test', endedAt, endReason: endedAt ? 'client terminated' : null });
  await owner.insert(statements).values({ id: statementId, sessionId, seq: 1, protocol: 'simple', text: 'select 1', decision: 'allow', startedAt: new Date(), link: 1, prevHash: '0', hash: '1' });
  await owner.insert(statementOutcomes).values({ statementId, commandTag: 'SELECT 1', rowCount: 1, durationMs: 1, link: 2, prevHash: '1', hash: '2' });
  return { sessionId, statementId };
}

describe('the application role', () => {
  it('cannot update, delete or truncate statements, outcomes or audit events, but can add and read them', async () => {
    const { statementId } = await seedSession(new Date());
    const { seq } = await appendAuditEvent(getDb(), { actor: { id: null, email: 'guard@example.test' }, action: 'user.created', summary: 'guard test', details: {} });
    const denials = [
      `update statements set text = 'select 2' where id = '${statementId}'`,
      `delete from statements where id = '${statementId}'`,
      `update statement_outcomes set rows = '[["x"]]' where statement_id = '${statementId}'`,
      `delete from statement_outcomes where statement_id = '${statementId}'`,
      `update audit_events set summary = 'nothing' where seq = ${seq}`,
      `delete from audit_events where seq = ${seq}`,
      'truncate statements, statement_outcomes, audit_events',
    ];
    for (const query of denials) {
      const refused = await refusal(query);
      expect(refused.code, query).toBe('42501');
      expect(refused.message, query).toMatch(/^permission denied for table (statements|statement_outcomes|audit_events)$/);
    }
    const [event] = await getDb().select().from(auditEvents).where(eq(auditEvents.seq, seq));
    expect(event).toMatchObject({ summary: 'guard test' });
    const [statement] = await owner.select().from(statements).where(eq(statements.id, statementId));
    expect(statement).toMatchObject({ text: 'select 1' });
  });

  it('cannot delete sessions or change who, where and when they started, and may end a live session only once', async () => {
    const { sessionId } = await seedSession(null);
    expect(await refusal(`delete from gateway_sessions where id = '${sessionId}'`)).toMatchObject({ code: '42501', message: 'permission denied for table gateway_sessions' });
    expect(await refusal(`update gateway_sessions set user_email = 'someone@else.test' where id = '${sessionId}'`)).toMatchObject({ code: '42501', message: 'permission denied for table gateway_sessions' });

    await getDb().update(gatewaySessions).set({ endedAt: new Date(), endReason: 'client terminated' }).where(eq(gatewaySessions.id, sessionId));
    const changed = await refusal(`update gateway_sessions set end_reason = 'never happened', ended_at = null where id = '${sessionId}'`);
    expect(changed).toEqual({ code: '42501', message: 'gateway_sessions: an ended session cannot be changed' });
    const [row] = await owner.select().from(gatewaySessions).where(eq(gatewaySessions.id, sessionId));
    expect(row).toMatchObject({ endReason: 'client terminated', endedAt: expect.any(Date) });
  });
});
