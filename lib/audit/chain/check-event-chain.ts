import { GENESIS_HASH, linkHash } from './link-hash';
import { broken, span } from './chain-break';
import { eventPayloadOf, type EventRow } from './chain-rows';

/** Finds the seq of the event whose prev_hash is this hash (the event written right after it), if any. */
export type SuccessorLookup = (prevHash: string) => Promise<number | null>;

/**
 * The global chain of audit events, fed in seq order: seq runs 1, 2, 3, ... without gaps, each
 * prev_hash is the previous event's hash, and each hash recomputes from the event's fields.
 * At a break it looks where the event written after the last good one went, to tell a
 * deletion or reordering from an edit.
 */
export class EventChainCheck {
  private expected = 1;
  private prevHash = GENESIS_HASH;

  constructor(private readonly successorOf: SuccessorLookup) {}

  get checked(): number {
    return this.expected - 1;
  }

  get head(): { seq: number; hash: string } | null {
    return this.expected === 1 ? null : { seq: this.expected - 1, hash: this.prevHash };
  }

  async add(row: EventRow): Promise<void> {
    const seq = Number(row.seq);
    const at = { where: 'event', table: 'audit_events' } as const;
    if (seq < this.expected) broken({ ...at, kind: 'reordered', seq, problem: `event #${seq} comes after event #${this.expected - 1}: events are out of order` });
    if (seq > this.expected) {
      const moved = await this.successorOf(this.prevHash);
      if (moved !== null && moved !== seq) {
        broken({ ...at, kind: 'reordered', seq: this.expected, problem: `event #${this.expected} is missing from its place: the event written after #${this.expected - 1} is now numbered #${moved}` });
      }
      broken({ ...at, kind: 'missing', seq: this.expected, problem: `${span(this.expected, seq - 1, 'event', 'events', '#')} ${seq - 1 === this.expected ? 'is' : 'are'} missing (deleted)` });
    }
    const computed = linkHash(row.prev_hash, eventPayloadOf(row));
    if (row.prev_hash !== this.prevHash) {
      const successor = await this.successorOf(this.prevHash);
      if (successor !== null && successor !== seq) {
        broken({ ...at, kind: 'reordered', seq, problem: `event #${seq} is out of order: the event written after #${seq - 1} is now numbered #${successor}` });
      }
      if (computed === row.hash) {
        broken({ ...at, kind: 'extra', seq, problem: `event #${seq} does not follow event #${seq - 1}: its prev_hash names no event of the chain (it was inserted or replaced)` });
      }
      broken({ ...at, kind: 'edited', seq, problem: `event #${seq} was edited: its prev_hash and contents no longer match the chain` });
    }
    if (computed !== row.hash) broken({ ...at, kind: 'edited', seq, problem: `event #${seq} (${row.action}) was edited: its contents no longer match its hash` });
    this.expected = seq + 1;
    this.prevHash = row.hash;
  }

  /** An exported head (seq and hash noted earlier, kept elsewhere) must still be in the chain. */
  checkAnchor(anchor: { seq: number; hash: string }, found: string | undefined): void {
    const at = { where: 'event', table: 'audit_events', seq: anchor.seq } as const;
    if (found === undefined) {
      broken({ ...at, kind: 'missing', problem: `event #${anchor.seq}, the expected head, is missing: the chain ends at #${this.expected - 1} (events were deleted from the end)` });
    }
    if (found !== anchor.hash) broken({ ...at, kind: 'edited', problem: `event #${anchor.seq} no longer has the expected head hash ${anchor.hash}: the chain was rewritten` });
  }
}
