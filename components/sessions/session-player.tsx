'use client';

import { useEffect, useId, useMemo, useState } from 'react';
import type { RecordingEvent } from '@/lib/sessions/recording-format';
import { cn } from '@/components/ui/cn';
import { buildPlayerTimeline, formatOffset, itemIndexAt } from './player-model';
import { PlayerControls } from './player-controls';
import { PlayerTimeline } from './player-timeline';
import { StatementDetail } from './statement-detail';

const TICK_MS = 50;

type SessionPlayerProps = {
  /** The recording's events (lib/sessions/recording-format.ts), as the JSON Lines download has them. */
  events: readonly RecordingEvent[];
  /** How long the session lasted (so far, while live), so the seek bar covers all of it. */
  durationMs: number;
};

type Position = { t: number; index: number };

/**
 * Replays a session at its original pace (or faster): the playhead moves through the session's
 * time and the current statement is the last one sent before it. Stepping jumps to the previous or
 * next statement's time. A live page re-renders with more events; the position is kept.
 */
export function SessionPlayer({ events, durationMs }: SessionPlayerProps) {
  const { items, endT } = useMemo(() => buildPlayerTimeline(events, durationMs), [events, durationMs]);
  const [position, setPosition] = useState<Position>(() => ({ t: items[0]?.statement.t ?? 0, index: 0 }));
  const [isPlaying, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(1);
  const speedId = useId();

  // At the end the player rests; a live session's end moves on as the page refreshes, and play resumes.
  const isRunning = isPlaying && position.t < endT;

  useEffect(() => {
    if (!isRunning) return;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      const elapsed = (now - last) * speed;
      last = now;
      setPosition((p) => {
        const t = Math.min(endT, p.t + elapsed);
        return { t, index: Math.max(p.index, itemIndexAt(items, t)) };
      });
    }, TICK_MS);
    return () => clearInterval(timer);
  }, [isRunning, speed, endT, items]);

  if (items.length === 0) {
    return <p className="rounded-lg border border-dashed border-slate-300 px-4 py-8 text-center text-sm text-slate-500">No statements were recorded in this session.</p>;
  }

  const current = Math.min(position.index, items.length - 1);
  const seek = (t: number) => setPosition({ t, index: itemIndexAt(items, t) });
  const select = (index: number) => setPosition({ t: items[index]!.statement.t, index });
  const play = () => {
    if (position.t >= endT) select(0);
    setPlaying(true);
  };

  return (
    <div className="space-y-4" data-testid="session-player">
      <PlayerControls
        speedId={speedId}
        t={position.t}
        endT={endT}
        speed={speed}
        isPlaying={isRunning}
        canStepBack={current > 0}
        canStepForward={current < items.length - 1}
        onPlay={play}
        onPause={() => setPlaying(false)}
        onStep={(delta) => select(Math.min(items.length - 1, Math.max(0, current + delta)))}
        onSpeed={setSpeed}
        onSeek={seek}
      />
      <PlayerTimeline items={items} endT={endT} t={position.t} current={current} onSelect={select} />
      <div className="grid gap-4 lg:grid-cols-[18rem_1fr]">
        <ol className="max-h-[32rem] overflow-y-auto rounded-md border border-slate-200 bg-white text-xs" aria-label="Statements" data-testid="player-statements">
          {items.map((item, i) => (
            <li key={item.statement.id}>
              <button
                type="button"
                onClick={() => select(i)}
                // Named by number, not by its SQL: a statement's text must not collide with the controls' names.
                aria-label={`Statement ${item.statement.seq} at +${formatOffset(item.statement.t)}`}
                title={item.statement.text.slice(0, 500)}
                aria-current={i === current ? 'true' : undefined}
                className={cn('flex w-full gap-2 px-3 py-1.5 text-left hover:bg-slate-50', i === current && 'bg-sky-50 font-medium')}
              >
                <span className="w-12 shrink-0 tabular-nums text-slate-500">+{formatOffset(item.statement.t)}</span>
                <span className={cn('truncate font-mono', item.statement.decision === 'block' && 'text-red-700', item.statement.decision === 'require_approval' && 'text-amber-700')}>
                  {item.statement.text}
                </span>
              </button>
            </li>
          ))}
        </ol>
        <StatementDetail item={items[current]!} />
      </div>
    </div>
  );
}
