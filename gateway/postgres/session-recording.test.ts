import { describe, expect, it } from 'vitest';
import { asc, desc, eq } from 'drizzle-orm';
import pg from 'pg';
import { setupTestDb } from '@/test/db';
import { setupGateway } from '@/test/gateway-harness';
import { auditEvents, gatewaySessions, statementOutcomes, statements } from '@/lib/db/schema';
import { CLI_ACTOR } from '@/lib/auth/actor';
import { updateTargetSessionSettings } from '@/lib/policy/target-policy';
import { replaceTargetMaskingRules } from '@/lib/masking/replace-target-masking';
import { GENESIS_HASH, linkHash } from '@/lib/audit/chain/link-hash';
import { outcomePayload, statementPayload } from '@/lib/audit/chain/link-payloads';

const store = setupTestDb();
const { db } = store;
const gw = setupGateway(store);

async function runSession(queries: string[]): Promise<string> {
  const client = new pg.Client({ connectionString: gw.connectionString(await gw.tokenFor()).replace('?sslmode=require', ''), ssl: { rejectUnauthorized: false } });
  await client.connect();
  const [{ pid }] = (await client.query('select pg_backend_pid() as pid')).rows as [{ pid: number }];
  for (const q of queries) await client.query(q).catch(() => {});
  await client.end();
  await gw.audit.flush();
  const [session] = await db.select({ id: statements.sessionId }).from(statements).where(eq(statements.text, 'select pg_backend_pid() as pid')).orderBy(desc(statements.startedAt)).limit(1);
  expect(pid).toBeGreaterThan(0);
  for (let i = 0; i < 100; i++) {
    const [row] = await db.select().from(gatewaySessions).where(eq(gatewaySessions.id, session!.id));
    if (row?.endedAt) return row.id;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the session did not end');
}

async function sessionLinks(sessionId: string) {
  const records = await db.select().from(statements).where(eq(statements.sessionId, sessionId));
  const outcomes = await db
    .select({ outcome: statementOutcomes })
    .from(statementOutcomes)
    .innerJoin(statements, eq(statements.id, statementOutcomes.statementId))
    .where(eq(statements.sessionId, sessionId));
  const links = [
    ...records.map((r) => ({ link: r.link!, prevHash: r.prevHash!, hash: r.hash!, payload: statementPayload({ ...r, link: r.link! }) })),
    ...outcomes.map(({ outcome: o }) => ({ link: o.link!, prevHash: o.prevHash!, hash: o.hash!, payload: outcomePayload({ ...o, link: o.link! }) })),
  ];
  return { records, outcomes: outcomes.map((o) => o.outcome), links: links.sort((a, b) => a.link - b.link) };
}

describe('session recording', () => {
  it('keeps the first N result rows as the caller received them, masked, and says when there were more', async () => {
    await updateTargetSessionSettings(db, { actor: CLI_ACTOR, idOrName: gw.targetName, settings: { recordingRows: 3 } });
    await replaceTargetMaskingRules(db, {
      actor: CLI_ACTOR,
      idOrName: gw.targetName,
      rules: [{ id: 'customer', name: 'Customer', enabled: true, match: { type: 'column', column: 'public.payments.customer' }, strategy: { type: 'keep-last', n: 2 } }],
    });
    await new Promise((r) => setTimeout(r, 400));
    const sessionId = await runSession(['select id, customer, amount_cents from payments order by id', 'select 42 as answer', 'delete from payments']);
    const { records, outcomes } = await sessionLinks(sessionId);
    const outcomeOf = (text: string) => outcomes.find((o) => o.statementId === records.find((r) => r.text === text)!.id);

    const list = outcomeOf('select id, customer, amount_cents from payments order by id')!;
    expect(list.columns).toEqual([
      { name: 'id', typeOid: 23 },
      { name: 'customer', typeOid: 25 },
      { name: 'amount_cents', typeOid: 23 },
    ]);
    expect(list.rows).toEqual([
      ['1', '**** 1', '100'],
      ['2', '**** 2', '200'],
      ['3', '**** 3', '300'],
    ]);
    expect(list).toMatchObject({ rowsTruncated: true, masked: true, rowCount: 20 });
    expect(outcomeOf('select 42 as answer')).toMatchObject({ columns: [{ name: 'answer', typeOid: 23 }], rows: [['42']], rowsTruncated: false, masked: false });
    expect(records.find((r) => r.text === 'delete from payments')).toMatchObject({ decision: 'block' });
    await replaceTargetMaskingRules(db, { actor: CLI_ACTOR, idOrName: gw.targetName, rules: [] });
  });

  it("chains the session's records and outcomes link by link and seals the chain in its start and end events", async () => {
    const sessionId = await runSession(['select 1', 'select 2', 'delete from payments', 'select 3']);
    const { links } = await sessionLinks(sessionId);
    expect(links.map((l) => l.link)).toEqual(Array.from({ length: links.length }, (_, i) => i + 1));
    expect(links.length).toBeGreaterThanOrEqual(9);
    let prev = GENESIS_HASH;
    for (const l of links) {
      expect(l.prevHash).toBe(prev);
      expect(linkHash(prev, l.payload)).toBe(l.hash);
      prev = l.hash;
    }
    const events = await db.select().from(auditEvents).where(eq(auditEvents.subjectId, sessionId)).orderBy(asc(auditEvents.seq));
    expect(events.map((e) => e.action)).toEqual(['session.started', 'session.ended']);
    expect(events[0]!.details).toMatchObject({ targetName: gw.targetName });
    expect(events[1]!.details).toMatchObject({ reason: 'client terminated', links: links.length, head: prev });
  });
});
