import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { setupTestDb, uniqueName } from '@/test/db';
import { makeActor } from '@/test/actors';
import type { Actor } from '@/lib/auth/actor';
import { appendAuditEvent } from './append-audit-event';
import { AUDIT_CSV_COLUMNS } from './audit-csv';
import { EXPORT_PAGE_ROWS, exportAudit } from './export-audit';
import { microsAfter, parseCsv, seedOutcome, seedSession, seedStatement } from './audit-test-fixtures';
import { PROBE_ROWS } from './audit-statement-query';

const { db } = setupTestDb();

let auditor: Actor;
const target = uniqueName('export');
const ids: Record<string, string> = {};

beforeAll(async () => {
  auditor = await makeActor(db, 'auditor');
  const session = await seedSession(db, { userEmail: 'dana@example.test', targetName: target });
  const base = new Date(Date.now() - 86_400_000);
  ids.tricky = await seedStatement(db, {
    sessionId: session,
    seq: 1,
    text: 'select \'a, "b"\'\nfrom t',
    params: ['=1+1', null],
    startedAt: microsAfter(base, 0),
  });
  await seedOutcome(db, ids.tricky, { commandTag: 'SELECT 1', rowCount: 1, durationMs: 2.25 });
  ids.formula = await seedStatement(db, { sessionId: session, seq: 2, text: '=cmd|\' /C calc\'!A0', startedAt: microsAfter(base, 1), decision: 'block' });
  ids.event = (
    await appendAuditEvent(db, {
      actor: { id: null, email: '@mallory.example.test', role: null, address: '192.0.2.1' },
      action: 'auth.sign_in_refused',
      summary: '@SUM(1+1) was tried',
      details: { targetName: target, reason: 'wrong_password' },
    })
  ).id;
});

async function readAll(body: ReadableStream<Uint8Array>): Promise<{ text: string; chunks: number }> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let chunks = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { text: text + decoder.decode(), chunks };
    chunks++;
    text += decoder.decode(value, { stream: true });
  }
}

describe('exportAudit', () => {
  it('writes CSV with a header, RFC 4180 quoting and formulas neutralised', async () => {
    const file = await exportAudit(db, { actor: auditor, filter: { target }, format: 'csv', now: new Date('2025-01-31T14:05:09.123Z') });
    expect(file.contentType).toBe('text/csv; charset=utf-8');
    expect(file.filename).toBe('gatehouse-audit-20250131T140509Z.csv');
    const { text } = await readAll(file.body);
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual([...AUDIT_CSV_COLUMNS]);
    const byId = new Map(rows.map((r) => [r[2], Object.fromEntries(header!.map((h, i) => [h, r[i]]))]));
    expect(rows.map((r) => r[2])).toEqual([ids.event, ids.formula, ids.tricky]);
    expect(byId.get(ids.tricky)).toMatchObject({
      type: 'statement',
      actor: 'dana@example.test',
      target,
      statement: 'select \'a, "b"\'\nfrom t',
      params: '["=1+1",null]',
      command_tag: 'SELECT 1',
      row_count: '1',
      duration_ms: '2.25',
      decision: 'allow',
    });
    expect(byId.get(ids.formula)).toMatchObject({ statement: "'=cmd|' /C calc'!A0", decision: 'block' });
    expect(byId.get(ids.event)).toMatchObject({
      type: 'event',
      actor: "'@mallory.example.test",
      actor_address: '192.0.2.1',
      action: 'auth.sign_in_refused',
      summary: "'@SUM(1+1) was tried",
      details: JSON.stringify({ reason: 'wrong_password', targetName: target }),
    });
    expect(text).toContain('"select \'a, ""b""\'\nfrom t"');
  });

  it('writes JSON Lines, one search result per line', async () => {
    const file = await exportAudit(db, { actor: auditor, filter: { target }, format: 'jsonl' });
    expect(file.contentType).toBe('application/x-ndjson; charset=utf-8');
    expect(file.filename).toMatch(/^gatehouse-audit-\d{8}T\d{6}Z\.jsonl$/);
    const { text } = await readAll(file.body);
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.id)).toEqual([ids.event, ids.formula, ids.tricky]);
    expect(lines[2]).toMatchObject({ type: 'statement', text: 'select \'a, "b"\'\nfrom t', params: ['=1+1', null], outcome: { rowCount: 1 } });
    expect(lines[0]).toMatchObject({ type: 'event', actorEmail: '@mallory.example.test', details: { reason: 'wrong_password' } });
  });

  it('streams an export of several pages in order, every row once, by either plan', async () => {
    const big = uniqueName('bulk');
    const session = await seedSession(db, { userEmail: 'bulk@example.test', targetName: big });
    // More matches than the probe collects, so the first pages walk the time index and the last ones probe.
    const total = PROBE_ROWS + EXPORT_PAGE_ROWS + 3;
    await db.execute(sql`
      insert into statements (id, session_id, seq, protocol, text, classification, decision, started_at)
      select gen_random_uuid(), ${session}::uuid, g, 'simple', 'select ' || g,
        '{"kinds":["read"],"tables":[],"functions":[],"flags":[],"commands":["SELECT"]}'::jsonb, 'allow',
        now() - interval '2 days' + (g / 3) * interval '1 millisecond'
      from generate_series(1, ${total}) g`);
    for (const filter of [{ target: big, kind: 'statements' }, { target: big, q: 'select' }]) {
      const file = await exportAudit(db, { actor: auditor, filter, format: 'csv' });
      const { text, chunks } = await readAll(file.body);
      const rows = parseCsv(text).slice(1);
      expect(rows).toHaveLength(total);
      expect(new Set(rows.map((r) => r[9]))).toEqual(new Set([...Array(total).keys()].map((i) => `select ${i + 1}`)));
      const order = rows.map((r) => `${r[1]} ${r[2]}`);
      expect([...order].sort().reverse()).toEqual(order);
      expect(chunks).toBe(Math.ceil(total / EXPORT_PAGE_ROWS));
    }
  });

  it('refuses users and approvers, and bad formats or filters', async () => {
    for (const role of ['user', 'approver'] as const) {
      await expect(exportAudit(db, { actor: await makeActor(db, role), filter: {}, format: 'csv' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    await expect(exportAudit(db, { actor: auditor, filter: {}, format: 'xlsx' })).rejects.toMatchObject({ code: 'INVALID_INPUT', fieldErrors: { format: ['Format must be csv or jsonl'] } });
    await expect(exportAudit(db, { actor: auditor, filter: { to: 'soon' }, format: 'csv' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});
