import type { Db } from '../db/client';
import type { GatewaySessionRow } from '../db/schema';
import type { Actor } from '../auth/actor';
import { getSession } from './get-session';
import { listReplayStatements, REPLAY_WINDOW, type ReplayStatement } from './replay-statements';
import { RECORDING_FORMAT, RECORDING_VERSION, type RecordingEvent, type RecordingHeader } from './recording-format';

type RecordingSession = Pick<
  GatewaySessionRow,
  'id' | 'userId' | 'userEmail' | 'tokenId' | 'targetId' | 'targetName' | 'protocol' | 'clientAddress' | 'applicationName' | 'gatewayInstance' | 'startedAt' | 'endedAt' | 'endReason'
>;

export function recordingHeader(session: RecordingSession): RecordingHeader {
  return {
    format: RECORDING_FORMAT,
    version: RECORDING_VERSION,
    protocol: session.protocol,
    session: {
      id: session.id,
      userId: session.userId,
      userEmail: session.userEmail,
      tokenId: session.tokenId,
      targetId: session.targetId,
      targetName: session.targetName,
      clientAddress: session.clientAddress,
      applicationName: session.applicationName,
      gatewayInstance: session.gatewayInstance,
      endedAt: session.endedAt?.toISOString() ?? null,
      endReason: session.endReason,
    },
    startedAt: session.startedAt.toISOString(),
  };
}

const offsetOf = (session: RecordingSession, at: Date | number) => Math.max(0, Math.round((typeof at === 'number' ? at : at.getTime()) - session.startedAt.getTime()));

/**
 * A statement's events: the statement when it arrived; its approval when the last decision on it
 * was made (or when it was held, while nobody decided); its outcome when the answer was complete
 * (start + duration: the outcome row itself is written later, by the group commit).
 */
export function statementEvents(session: RecordingSession, statement: ReplayStatement): RecordingEvent[] {
  const t = offsetOf(session, statement.startedAt);
  const events: RecordingEvent[] = [
    {
      t,
      type: 'statement',
      id: statement.id,
      seq: statement.seq,
      protocol: statement.protocol,
      text: statement.text,
      params: statement.params,
      classification: statement.classification,
      decision: statement.decision as 'allow' | 'block' | 'require_approval',
      rule: statement.ruleId || statement.ruleName ? { id: statement.ruleId, name: statement.ruleName } : null,
      message: statement.message,
      approvalId: statement.approvalId,
    },
  ];
  const { approval, outcome } = statement;
  if (approval) {
    const decidedAt = approval.decidedAt ?? approval.decisions.at(-1)?.decidedAt;
    events.push({
      t: Math.max(t, decidedAt ? offsetOf(session, decidedAt) : t),
      type: 'approval',
      approvalId: approval.id,
      seq: statement.seq,
      status: approval.status,
      requesterEmail: approval.requesterEmail,
      requiredApprovals: approval.requiredApprovals,
      decisions: approval.decisions.map((d) => ({ approverEmail: d.approverEmail, decision: d.decision, reason: d.reason, at: d.decidedAt.toISOString() })),
    });
  }
  if (outcome) {
    const finishedAt = outcome.durationMs != null ? statement.startedAt.getTime() + outcome.durationMs : outcome.recordedAt;
    events.push({
      t: Math.max(t, offsetOf(session, finishedAt)),
      type: 'outcome',
      seq: statement.seq,
      tag: outcome.commandTag,
      rowCount: outcome.rowCount,
      durationMs: outcome.durationMs,
      error: outcome.sqlstate || outcome.errorMessage ? { sqlstate: outcome.sqlstate, message: outcome.errorMessage } : null,
      columns: outcome.columns,
      rows: outcome.rows,
      truncated: outcome.rowsTruncated,
      masked: outcome.masked,
    });
  }
  return events;
}

export function sessionEndEvent(session: RecordingSession): RecordingEvent | null {
  return session.endedAt ? { t: offsetOf(session, session.endedAt), type: 'session_end', reason: session.endReason } : null;
}

/**
 * Puts events in time order as statements arrive, one statement's events per push: statements
 * stay in seq order (one whose clock reads earlier than its predecessor's is moved up to it), an
 * event is let out only once no later statement can precede it, ties keep their order, and `t`
 * is never lower than the event before it.
 */
export class RecordingSequencer {
  private pending: RecordingEvent[] = [];
  private lastT = 0;
  private statementFloor = 0;

  push(events: readonly RecordingEvent[]): RecordingEvent[] {
    const floor = this.statementFloor;
    const raised = events.map((e) => (e.t < floor ? { ...e, t: floor } : e));
    const firstStatement = raised.find((e) => e.type === 'statement');
    if (firstStatement) this.statementFloor = firstStatement.t;
    const ready = firstStatement ? this.release((e) => e.t <= firstStatement.t) : [];
    this.pending.push(...raised);
    return ready;
  }

  flush(): RecordingEvent[] {
    return this.release(() => true);
  }

  private release(isReady: (e: RecordingEvent) => boolean): RecordingEvent[] {
    const sorted = this.pending.map((e, i) => ({ e, i })).sort((a, b) => a.e.t - b.e.t || a.i - b.i);
    const out: RecordingEvent[] = [];
    this.pending = [];
    for (const { e } of sorted) {
      if (!isReady(e)) {
        this.pending.push(e);
        continue;
      }
      this.lastT = Math.max(this.lastT, e.t);
      out.push({ ...e, t: this.lastT });
    }
    return out;
  }
}

/** The recording of the statements at hand (the replay page's window), ended if the session has. */
export function buildRecording(session: RecordingSession, statements: readonly ReplayStatement[], options: { isComplete: boolean }): { header: RecordingHeader; events: RecordingEvent[] } {
  const sequencer = new RecordingSequencer();
  const events = statements.flatMap((s) => sequencer.push(statementEvents(session, s)));
  const end = options.isComplete ? sessionEndEvent(session) : null;
  if (end) sequencer.push([end]);
  return { header: recordingHeader(session), events: [...events, ...sequencer.flush()] };
}

/**
 * The whole recording of a session the actor may see, header first, read window by window so a
 * long session never sits in memory at once. NOT_FOUND (thrown before the first line) otherwise.
 */
export async function streamRecording(db: Db, options: { actor: Actor; id: string; window?: number }): Promise<AsyncGenerator<RecordingHeader | RecordingEvent>> {
  const session = await getSession(db, options);
  const window = options.window ?? REPLAY_WINDOW.max;
  async function* lines(): AsyncGenerator<RecordingHeader | RecordingEvent> {
    yield recordingHeader(session);
    const sequencer = new RecordingSequencer();
    let afterSeq: number | null = null;
    for (;;) {
      const page = await listReplayStatements(db, { sessionId: session.id, afterSeq, limit: window });
      for (const statement of page.statements) yield* sequencer.push(statementEvents(session, statement));
      if (!page.hasMore) break;
      afterSeq = page.statements.at(-1)!.seq;
    }
    const end = sessionEndEvent(session);
    if (end) sequencer.push([end]);
    yield* sequencer.flush();
  }
  return lines();
}
