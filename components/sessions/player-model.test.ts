import { describe, expect, it } from 'vitest';
import type { RecordingEvent } from '@/lib/sessions/recording-format';
import { buildPlayerTimeline, formatOffset, itemIndexAt } from './player-model';

const statement = (seq: number, t: number): RecordingEvent => ({
  t,
  type: 'statement',
  id: `00000000-0000-4000-8000-00000000000${seq}`,
  seq,
  protocol: 'simple',
  text: `select ${seq}`,
  params: null,
  classification: null,
  decision: 'allow',
  rule: null,
  message: null,
  approvalId: null,
});
const outcome = (seq: number, t: number): RecordingEvent => ({ t, type: 'outcome', seq, tag: 'SELECT 1', rowCount: 1, durationMs: 1, error: null, columns: null, rows: null, truncated: false, masked: false });

describe('player model', () => {
  it('attaches outcomes (even ones that arrive after later statements) to their statements', () => {
    const { items, endT } = buildPlayerTimeline([statement(1, 100), statement(2, 200), outcome(2, 250), outcome(1, 900), { t: 1000, type: 'session_end', reason: 'bye' }]);
    expect(items.map((i) => [i.statement.seq, i.outcome?.t])).toEqual([
      [1, 900],
      [2, 250],
    ]);
    expect(endT).toBe(1000);
    expect(buildPlayerTimeline([statement(1, 100)], 5000).endT).toBe(5000);
  });

  it('finds the statement current at a time', () => {
    const { items } = buildPlayerTimeline([statement(1, 100), statement(2, 200), statement(3, 200), statement(4, 700)]);
    expect([0, 100, 199, 200, 699, 700, 10_000].map((t) => itemIndexAt(items, t))).toEqual([0, 0, 0, 2, 2, 3, 3]);
    expect(itemIndexAt([], 50)).toBe(0);
  });

  it('formats offsets', () => {
    expect([0, 65_000, 3_723_000].map(formatOffset)).toEqual(['0:00', '1:05', '1:02:03']);
  });
});
