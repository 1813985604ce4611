import { GENESIS_HASH, linkHash } from './link-hash';
import { broken, span } from './chain-break';
import { describeRecord, recordPayloadOf, recordTable, timeOf, type RecordRow, type SessionRow } from './chain-rows';

/** The link and kind of the record in this session whose prev_hash is this hash, if any. */
export type SessionSuccessorLookup = (sessionId: string, prevHash: string) => Promise<Pick<RecordRow, 'link' | 'kind' | 'rid'> | null>;

type SessionEnd = { seq: number; links: number; head: string };

/**
 * One session's chain, fed its statements and outcomes in link order: links 1..n without gaps,
 * each prev_hash the previous link's hash, each hash recomputed from the record. At the end the
 * count and last hash must be what the session.ended event sealed, which catches records removed
 * from the end. A live session is checked as far as it got.
 */
export class SessionChainCheck {
  private expected = 1;
  private prevHash = GENESIS_HASH;

  constructor(
    private readonly sessionId: string,
    private readonly successorOf: SessionSuccessorLookup,
  ) {}

  private at(r: Pick<RecordRow, 'kind'>, link: number | undefined) {
    return { where: 'session', table: recordTable(r), sessionId: this.sessionId, link } as const;
  }

  async add(r: RecordRow): Promise<void> {
    const link = r.link;
    if (link === null || r.hash === null || r.prev_hash === null) {
      broken({ ...this.at(r, undefined), kind: 'extra', problem: `session ${this.sessionId}: ${describeRecord(r)} has no link: it was written outside the chain` });
    }
    if (r.moved) broken({ ...this.at(r, link), kind: 'edited', problem: `session ${this.sessionId}: ${describeRecord(r)} at link ${link} names another session: its session_id was changed` });
    if (link < this.expected) broken({ ...this.at(r, link), kind: 'extra', problem: `session ${this.sessionId}: link ${link} appears twice (${describeRecord(r)} was inserted or copied)` });
    if (link > this.expected) {
      const gap = span(this.expected, link - 1, 'link', 'links');
      const precise = r.orphan && link - 1 === this.expected ? `: statement ${r.rid} was deleted (its outcome remains at link ${link})` : ' (deleted)';
      broken({ ...this.at(r, this.expected), table: r.orphan ? 'statements' : recordTable(r), kind: 'missing', problem: `session ${this.sessionId}: ${gap} ${link - 1 === this.expected ? 'is' : 'are'} missing${precise}` });
    }
    const computed = linkHash(r.prev_hash, recordPayloadOf(r, this.sessionId, link));
    if (r.prev_hash !== this.prevHash) {
      const successor = await this.successorOf(this.sessionId, this.prevHash);
      if (successor?.link != null && successor.link !== link) {
        broken({
          ...this.at(r, link),
          kind: 'reordered',
          problem: `session ${this.sessionId}: link ${link} is out of order: ${describeRecord(r)} does not follow link ${link - 1}; ${describeRecord(successor)}, written after it, is now at link ${successor.link}`,
        });
      }
      if (computed === r.hash) broken({ ...this.at(r, link), kind: 'extra', problem: `session ${this.sessionId}: ${describeRecord(r)} at link ${link} does not follow link ${link - 1}: it was inserted or replaced` });
      broken({ ...this.at(r, link), kind: 'edited', problem: `session ${this.sessionId}: ${describeRecord(r)} at link ${link} was edited: its prev_hash and contents no longer match the chain` });
    }
    if (computed !== r.hash) broken({ ...this.at(r, link), kind: 'edited', problem: `session ${this.sessionId}: ${describeRecord(r)} at link ${link} was edited: its contents no longer match its hash` });
    this.expected = link + 1;
    this.prevHash = r.hash;
  }

  /** Compares what is left with the seal of the session.ended event, when the session has ended. */
  finish(end: SessionEnd | null): void {
    if (!end) return;
    const n = this.expected - 1;
    const at = { where: 'session', sessionId: this.sessionId, table: 'statements' } as const;
    const sealed = `the session.ended event (#${end.seq}) sealed ${end.links} link${end.links === 1 ? '' : 's'}`;
    if (n < end.links) {
      broken({ ...at, kind: 'missing', link: n + 1, problem: `session ${this.sessionId}: ${span(n + 1, end.links, 'link', 'links')} ${n + 1 === end.links ? 'is' : 'are'} missing: ${sealed}, the chain ends at link ${n} (records were deleted from the end)` });
    }
    if (n > end.links) broken({ ...at, kind: 'extra', link: end.links + 1, problem: `session ${this.sessionId}: ${span(end.links + 1, n, 'link', 'links')} came after the end: ${sealed}` });
    if (this.prevHash !== end.head) {
      broken({ ...at, kind: 'edited', link: n, problem: `session ${this.sessionId}: link ${n} does not hash to the head the session.ended event (#${end.seq}) recorded: the last record was replaced` });
    }
  }
}

const ROW_FIELDS = [
  ['target_name', 'targetName', false],
  ['gateway_instance', 'gatewayInstance', false],
  ['client_address', 'clientAddress', false],
  ['application_name', 'applicationName', false],
  // Foreign keys that are set to null when the user, token or target is deleted: compared only while set.
  ['target_id', 'targetId', true],
  ['user_id', 'userId', true],
  ['token_id', 'tokenId', true],
] as const;

/**
 * A session row against its events: it must have a session.started event (unless it was recorded
 * before tamper evidence existed), say what that event says about it, and be ended exactly when a
 * session.ended event exists. Returns the session's seal, or 'legacy' for a session to skip.
 */
export function checkSessionRow(s: SessionRow, firstEventAt: Date | null): SessionEnd | null | 'legacy' {
  const at = { where: 'session', table: 'gateway_sessions', sessionId: s.id } as const;
  if (s.started_seq === null) {
    if (!s.has_links && (firstEventAt === null || timeOf(s.started_at) < firstEventAt)) return 'legacy';
    broken({ ...at, table: 'audit_events', kind: 'missing', problem: `session ${s.id} has no session.started event: the row was written outside the gateway or its event was deleted` });
  }
  if (s.started_by !== s.user_email) {
    broken({ ...at, kind: 'edited', problem: `session ${s.id}'s row was edited: user_email is ${JSON.stringify(s.user_email)} but its session.started event (#${s.started_seq}) was by ${JSON.stringify(s.started_by)}` });
  }
  const details = s.started_details ?? {};
  for (const [column, key, nullable] of ROW_FIELDS) {
    const value = s[column];
    if (!(key in details) || (nullable && value === null)) continue;
    if ((details[key] ?? null) !== value) {
      broken({ ...at, kind: 'edited', problem: `session ${s.id}'s row was edited: ${column} is ${JSON.stringify(value)} but its session.started event (#${s.started_seq}) says ${JSON.stringify(details[key])}` });
    }
  }
  if (s.ended_seq === null) {
    if (s.ended_at) broken({ ...at, table: 'audit_events', kind: 'missing', problem: `session ${s.id} ended at ${timeOf(s.ended_at).toISOString()} but has no session.ended event: its seal is missing` });
    return null;
  }
  if (!s.ended_at) broken({ ...at, kind: 'edited', problem: `session ${s.id}'s row says it is live, but session.ended event #${s.ended_seq} ended it` });
  const { links, head } = s.ended_details ?? {};
  if (typeof links !== 'number' || typeof head !== 'string') {
    broken({ ...at, table: 'audit_events', kind: 'missing', seq: Number(s.ended_seq), problem: `session ${s.id}: its session.ended event (#${s.ended_seq}) carries no chain head` });
  }
  return { seq: Number(s.ended_seq), links, head };
}
