import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { setupTestDb, uniqueName } from '@/test/db';
import { makeActor } from '@/test/actors';
import type { Actor } from '@/lib/auth/actor';
import { approvalDecisions, approvalRequests } from '@/lib/db/schema';
import { decideApproval } from '@/lib/approvals/decide-approval';
import { makeApprovalRequest, makeApprovalTarget } from '@/lib/approvals/approval-test-fixtures';
import { buildRecording, RecordingSequencer, streamRecording } from './build-recording';
import { getSessionReplay } from './get-session-replay';
import { parseRecording, recordingEventSchema, recordingHeaderSchema, type RecordingEvent } from './recording-format';
import { makeSession } from './session-test-fixtures';

const { db } = setupTestDb();

const startedAt = new Date('2025-05-05T12:00:00.000Z');
const at = (ms: number) => new Date(startedAt.getTime() + ms);
let alice: Actor;
let sessionId: string;
let approvalId: string;

async function collect(generator: AsyncGenerator<unknown>): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const line of generator) out.push(line);
  return out;
}

beforeAll(async () => {
  const target = await makeApprovalTarget(db, uniqueName('recording'));
  alice = await makeActor(db, 'user');
  const approver = await makeActor(db, 'approver');
  approvalId = (await makeApprovalRequest(db, { requester: alice, target })).id;
  await decideApproval(db, { actor: approver, requestId: approvalId, decision: 'approve', reason: 'ok' });
  await db.update(approvalRequests).set({ decidedAt: at(2500) }).where(eq(approvalRequests.id, approvalId));
  await db.update(approvalDecisions).set({ createdAt: at(2500) }).where(eq(approvalDecisions.requestId, approvalId));
  sessionId = (
    await makeSession(db, {
      user: alice,
      targetName: target.name,
      startedAt,
      endedAfterMs: 60_000,
      endReason: 'client disconnected',
      statements: [
        { text: 'select email from customers', atMs: 1000, outcome: { commandTag: 'SELECT 1', rowCount: 1, durationMs: 4.5, masked: true, columns: [{ name: 'email', typeOid: 25 }], rows: [['****@example.com']] } },
        { text: 'delete from orders where id = $1', params: ['42'], atMs: 2000, decision: 'require_approval', ruleId: 'r1', ruleName: 'Approve writes', approvalId, outcome: { commandTag: 'DELETE 1', rowCount: 1, durationMs: 700 } },
        // Pipelined: sent before the held statement's answer came back.
        { text: 'select 3', atMs: 2600, outcome: { sqlstate: '57014', errorMessage: 'canceling statement', durationMs: 10 } },
        { text: 'select 4', atMs: 5000, decision: 'block', message: 'blocked by policy' },
      ],
    })
  ).id;
});

describe('buildRecording', () => {
  it('orders statement, approval, outcome and end events by their offsets from the start', async () => {
    const replay = await getSessionReplay(db, { actor: alice, id: sessionId });
    const { header, events } = buildRecording(replay.session, replay.statements, { isComplete: true });
    expect(recordingHeaderSchema.parse(header)).toMatchObject({ format: 'gatehouse-recording', version: 1, protocol: 'postgres', startedAt: startedAt.toISOString(), session: { id: sessionId, userEmail: alice.email } });
    events.forEach((e) => recordingEventSchema.parse(e));
    expect(events.map((e) => [e.type, 'seq' in e ? e.seq : null, e.t])).toEqual([
      ['statement', 1, 1000],
      ['outcome', 1, 1005],
      ['statement', 2, 2000],
      ['approval', 2, 2500],
      ['statement', 3, 2600],
      ['outcome', 3, 2610],
      ['outcome', 2, 2700],
      ['statement', 4, 5000],
      ['session_end', null, 60_000],
    ]);
    expect(events[1]).toMatchObject({ tag: 'SELECT 1', rowCount: 1, masked: true, truncated: false, rows: [['****@example.com']], error: null });
    expect(events[2]).toMatchObject({ decision: 'require_approval', rule: { id: 'r1', name: 'Approve writes' }, params: ['42'], approvalId });
    expect(events[3]).toMatchObject({ approvalId, status: 'approved', decisions: [{ decision: 'approve', reason: 'ok', at: at(2500).toISOString() }] });
    expect(events[5]).toMatchObject({ error: { sqlstate: '57014', message: 'canceling statement' } });
    expect(events[7]).toMatchObject({ decision: 'block', message: 'blocked by policy', rule: null });
    expect(events[8]).toMatchObject({ reason: 'client disconnected' });
  });

  it('streams the same recording window by window, and round-trips through JSON Lines', async () => {
    const replay = await getSessionReplay(db, { actor: alice, id: sessionId });
    const whole = buildRecording(replay.session, replay.statements, { isComplete: true });
    const [header, ...events] = await collect(await streamRecording(db, { actor: alice, id: sessionId, window: 1 }));
    expect(header).toEqual(whole.header);
    expect(events).toEqual(whole.events);
    const jsonl = [header, ...events].map((line) => JSON.stringify(line)).join('\n');
    expect(parseRecording(jsonl)).toEqual(whole);
  });

  it('hides the recording of a session not the caller’s', async () => {
    await expect(streamRecording(db, { actor: await makeActor(db, 'user'), id: sessionId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('ends a live session’s recording without a session_end', async () => {
    const live = await makeSession(db, { user: alice, targetName: 'live', statements: [{ text: 'select 1' }] });
    const replay = await getSessionReplay(db, { actor: alice, id: live.id });
    expect(buildRecording(replay.session, replay.statements, { isComplete: true }).events.map((e) => e.type)).toEqual(['statement']);
  });
});

describe('recording format', () => {
  const header = JSON.stringify({ format: 'gatehouse-recording', version: 1, protocol: 'postgres', session: { id: '00000000-0000-4000-8000-000000000000', userId: null, userEmail: 'a@x', tokenId: null, targetId: null, targetName: 't', clientAddress: null, applicationName: null, gatewayInstance: 'gw', endedAt: null, endReason: null }, startedAt: '2025-01-01T00:00:00.000Z' });

  it('skips event types from a later producer but refuses malformed known events and other versions', () => {
    const terminal = JSON.stringify({ t: 5, type: 'terminal', event: [0.005, 'o', 'ls\r\n'] });
    const end = JSON.stringify({ t: 9, type: 'session_end', reason: null });
    expect(parseRecording(`${header}\n${terminal}\n${end}\n`).events).toEqual([{ t: 9, type: 'session_end', reason: null }]);
    expect(() => parseRecording(`${header}\n${JSON.stringify({ t: 1, type: 'outcome', seq: 1 })}`)).toThrow();
    expect(() => parseRecording(`${header}\n${JSON.stringify({ t: -1, type: 'session_end', reason: null })}`)).toThrow();
    expect(() => parseRecording(header.replace('"version":1', '"version":2'))).toThrow();
    expect(() => parseRecording('')).toThrow(/header/);
  });

  it('never lets t go back, even when a later statement carries an earlier clock', () => {
    const statement = (seq: number, t: number): RecordingEvent => ({ t, type: 'statement', id: '00000000-0000-4000-8000-000000000000', seq, protocol: 'simple', text: 'select 1', params: null, classification: null, decision: 'allow', rule: null, message: null, approvalId: null });
    const sequencer = new RecordingSequencer();
    const out = [...sequencer.push([statement(1, 100)]), ...sequencer.push([statement(2, 40)]), ...sequencer.flush()];
    expect(out.map((e) => [e.type === 'statement' && e.seq, e.t])).toEqual([
      [1, 100],
      [2, 100],
    ]);
  });
});
