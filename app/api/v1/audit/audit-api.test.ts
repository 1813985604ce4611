import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { setupTestDb, uniqueName } from '@/test/db';
import { makeActor } from '@/test/actors';
import { closeDb } from '@/lib/db/client';
import { auditEvents } from '@/lib/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { createAccessToken } from '@/lib/tokens/create-access-token';
import { seedSession, seedStatement, microsAfter } from '@/lib/audit/audit-test-fixtures';
import { requestAddress } from '@/app/_server/auth';
import { GET as search } from './route';
import { GET as exportAudit } from './export/route';
import { DELETE as revokeToken } from '../tokens/[id]/route';

const { db } = setupTestDb();
afterAll(() => closeDb());

const target = uniqueName('audit-api');
let auditor: Actor;
let statementId: string;
const tokens = new Map<string, string>();

async function tokenFor(actor: Actor): Promise<string> {
  if (!tokens.has(actor.id!)) tokens.set(actor.id!, (await createAccessToken(db, { actor, input: { name: 'audit-api-test' } })).token);
  return tokens.get(actor.id!)!;
}

async function get(handler: typeof search, actor: Actor, path: string): Promise<Response> {
  const req = new Request(`http://localhost/api/v1/audit${path}`, { headers: { authorization: `Bearer ${await tokenFor(actor)}` } });
  return handler(req, { params: Promise.resolve({}) });
}

beforeAll(async () => {
  auditor = await makeActor(db, 'auditor');
  const session = await seedSession(db, { userEmail: 'erin@example.test', targetName: target });
  statementId = await seedStatement(db, { sessionId: session, text: 'delete from payments where id = 9', startedAt: microsAfter(new Date(), -60_000), commands: ['DELETE'], kinds: ['write'] });
});

describe('GET /api/v1/audit', () => {
  it('answers an auditor with results and a cursor', async () => {
    const res = await get(search, auditor, `?target=${target}&statementKind=delete&limit=10`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { results: { id: string; type: string }[]; nextCursor: string | null };
    expect(body).toEqual({ results: [expect.objectContaining({ id: statementId, type: 'statement' })], nextCursor: null });
  });

  it.each([
    ['a limit over 200', '?limit=500', 'limit'],
    ['an unknown filter', '?usr=erin', '_form'],
    ['a bad time', '?from=tomorrow', 'from'],
  ])('answers 422 with field errors for %s', async (_label, query, field) => {
    const res = await get(search, auditor, query);
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { code: string; fieldErrors: Record<string, string[]> } };
    expect(body.error.code).toBe('INVALID_INPUT');
    expect(Object.keys(body.error.fieldErrors)).toContain(field);
  });

  it('answers 403 to users and approvers', async () => {
    for (const role of ['user', 'approver'] as const) {
      const res = await get(search, await makeActor(db, role), '');
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { message: string } }).error.message).toContain('auditor or admin');
    }
  });
});

describe('GET /api/v1/audit/export', () => {
  it('streams CSV as an attachment', async () => {
    const res = await get(exportAudit, auditor, `/export?format=csv&target=${target}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="gatehouse-audit-\d{8}T\d{6}Z\.csv"$/);
    const text = await res.text();
    expect(text.startsWith('type,at,id,actor,')).toBe(true);
    expect(text).toContain(statementId);
  });

  it('streams JSON Lines', async () => {
    const res = await get(exportAudit, auditor, `/export?format=jsonl&target=${target}`);
    expect(res.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain('.jsonl"');
    expect(JSON.parse((await res.text()).trim())).toMatchObject({ id: statementId, userEmail: 'erin@example.test' });
  });

  it('answers 422 for an unknown format and 403 to a user', async () => {
    const bad = await get(exportAudit, auditor, '/export?format=xlsx');
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: { fieldErrors: Record<string, string[]> } }).error.fieldErrors.format).toEqual(['Format must be csv or jsonl']);
    expect((await get(exportAudit, await makeActor(db, 'user'), '/export?format=csv')).status).toBe(403);
  });
});

describe('the address of token-authenticated requests', () => {
  it('is the first X-Forwarded-For hop, recorded on the event', async () => {
    const user = await makeActor(db, 'user');
    const { record } = await createAccessToken(db, { actor: user, input: { name: 'to-revoke' } });
    const req = new Request(`http://localhost/api/v1/tokens/${record.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${await tokenFor(user)}`, 'x-forwarded-for': '203.0.113.7, 10.0.0.1' },
    });
    expect((await revokeToken(req, { params: Promise.resolve({ id: record.id }) })).status).toBe(200);
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'token.revoked'), eq(auditEvents.subjectId, record.id)));
    expect(event).toMatchObject({ actorEmail: user.email, actorAddress: '203.0.113.7', actorRole: 'user' });
  });

  it('falls back to X-Real-IP, and is null without either', () => {
    expect(requestAddress(new Headers({ 'x-real-ip': ' 198.51.100.4 ' }))).toBe('198.51.100.4');
    expect(requestAddress(new Headers({ 'x-forwarded-for': ' ', 'x-real-ip': '2001:db8::1' }))).toBe('2001:db8::1');
    expect(requestAddress(new Headers())).toBeNull();
  });
});
