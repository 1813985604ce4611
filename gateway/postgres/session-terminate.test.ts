import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { setupTestDb } from '@/test/db';
import { setupGateway } from '@/test/gateway-harness';
import { makeActor } from '@/test/actors';
import { getEnv } from '@/lib/env';
import { gatewaySessions, statements } from '@/lib/db/schema';
import { terminateSession } from '@/lib/sessions/terminate-session';
import { SessionControl } from '../core/session-control';

const store = setupTestDb();
const { db } = store;
const gw = setupGateway(store);
const controls: SessionControl[] = [];

async function startControl(prefix: string) {
  const control = new SessionControl({ db, sessions: gw.sessions, redisUrl: getEnv().REDIS_URL, prefix, recheckMs: 200 });
  await control.start();
  controls.push(control);
}

afterAll(async () => {
  for (const c of controls) await c.stop();
});

async function liveSession() {
  const client = new pg.Client({ connectionString: gw.connectionString(await gw.tokenFor()).replace('?sslmode=require', ''), ssl: { rejectUnauthorized: false } });
  const ended = new Promise<Error>((resolve) => client.on('error', resolve));
  await client.connect();
  const marker = `select 'terminate-me-${Date.now().toString(36)}'`;
  await client.query(marker);
  await gw.audit.flush();
  const [row] = await db.select({ sessionId: statements.sessionId }).from(statements).where(eq(statements.text, marker));
  return { client, ended, sessionId: row!.sessionId };
}

describe('terminating a live session from the portal', () => {
  let admin: Awaited<ReturnType<typeof makeActor>>;
  beforeAll(async () => {
    admin = await makeActor(db, 'admin');
  });

  it('ends it at once over Redis, tells the client who ended it, and records the reason', async () => {
    await startControl(getEnv().REDIS_PREFIX);
    const { ended, sessionId } = await liveSession();
    expect(await terminateSession(db, { actor: admin, sessionId, reason: 'suspicious activity' })).toEqual({ announced: true });
    expect((await ended).message).toContain(`terminated by ${admin.email}: suspicious activity`);
    for (let i = 0; i < 50; i++) {
      const [row] = await db.select().from(gatewaySessions).where(eq(gatewaySessions.id, sessionId));
      if (row?.endedAt) return expect(row.endReason).toBe(`terminated by ${admin.email}: suspicious activity`);
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the session row was not ended');
  });

  it('still ends it from the audit event when the Redis message never arrives', async () => {
    await controls.pop()!.stop();
    await startControl(`${getEnv().REDIS_PREFIX}-elsewhere`);
    const { ended, sessionId } = await liveSession();
    await terminateSession(db, { actor: admin, sessionId });
    expect((await ended).message).toContain('terminated by an admin');
  });

  it('is for admins only, and refuses a session that already ended', async () => {
    const auditor = await makeActor(db, 'auditor');
    const { client, sessionId } = await liveSession();
    await expect(terminateSession(db, { actor: auditor, sessionId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await client.end();
    for (let i = 0; i < 50; i++) {
      const [row] = await db.select().from(gatewaySessions).where(eq(gatewaySessions.id, sessionId));
      if (row?.endedAt) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    await expect(terminateSession(db, { actor: admin, sessionId })).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
