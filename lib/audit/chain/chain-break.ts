/** What `audit verify` found wrong at the first link that does not hold. */
export type ChainProblemKind = 'edited' | 'missing' | 'reordered' | 'extra';

export type ChainTable = 'audit_events' | 'gateway_sessions' | 'statements' | 'statement_outcomes';

export type ChainBreak = {
  /** Which chain: the global chain of audit events, or one session's records. */
  where: 'event' | 'session';
  table: ChainTable;
  kind: ChainProblemKind;
  /** The audit event's position in its chain. */
  seq?: number;
  sessionId?: string;
  /** The position in the session's chain. */
  link?: number;
  problem: string;
};

export type ChainCounts = { events: number; sessions: number; statements: number; outcomes: number };

/** Thrown inside the verifier to stop at the first break; never leaves verifyAuditChain. */
export class ChainBroken extends Error {
  constructor(readonly found: ChainBreak) {
    super(found.problem);
    this.name = 'ChainBroken';
  }
}

export function broken(found: ChainBreak): never {
  throw new ChainBroken(found);
}

/** "link 4" or "links 4–6", "event #4" or "events #4–#6". */
export function span(from: number, to: number, one: string, many: string, mark = ''): string {
  return from === to ? `${one} ${mark}${from}` : `${many} ${mark}${from}–${mark}${to}`;
}
