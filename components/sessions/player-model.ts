import type { ApprovalEvent, OutcomeEvent, RecordingEvent, StatementEvent } from '@/lib/sessions/recording-format';

/** One statement as the player shows it: what was sent, how it was decided, and what came back. */
export type PlayerItem = { statement: StatementEvent; approval: ApprovalEvent | null; outcome: OutcomeEvent | null };

export type PlayerTimeline = { items: PlayerItem[]; endT: number };

export const PLAYER_SPEEDS = [1, 2, 4, 8, 16] as const;

/** Folds a recording's events into statements in order; the timeline ends at the session's end or its last event. */
export function buildPlayerTimeline(events: readonly RecordingEvent[], durationMs = 0): PlayerTimeline {
  const items: PlayerItem[] = [];
  const bySeq = new Map<number, PlayerItem>();
  let endT = Math.max(0, durationMs);
  for (const event of events) {
    endT = Math.max(endT, event.t);
    if (event.type === 'statement') {
      const item: PlayerItem = { statement: event, approval: null, outcome: null };
      items.push(item);
      bySeq.set(event.seq, item);
    } else if (event.type === 'approval' || event.type === 'outcome') {
      const item = bySeq.get(event.seq);
      if (item && event.type === 'approval') item.approval = event;
      if (item && event.type === 'outcome') item.outcome = event;
    }
  }
  return { items, endT };
}

/** The statement current at time t: the last one sent at or before t (the first one before any was sent). */
export function itemIndexAt(items: readonly PlayerItem[], t: number): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.statement.t <= t) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/** "1:05" or "1:02:03" from milliseconds. */
export function formatOffset(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
