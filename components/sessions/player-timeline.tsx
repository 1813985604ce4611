import { cn } from '@/components/ui/cn';
import { formatOffset, type PlayerItem } from './player-model';

const MARK_CLASS: Record<string, string> = {
  allow: 'bg-slate-400',
  block: 'bg-red-500',
  require_approval: 'bg-amber-500',
};

type PlayerTimelineProps = { items: readonly PlayerItem[]; endT: number; t: number; current: number; onSelect: (index: number) => void };

/** Each statement as a mark at its time in the session, and the playhead; a mark jumps to its statement. */
export function PlayerTimeline({ items, endT, t, current, onSelect }: PlayerTimelineProps) {
  const left = (at: number) => `${endT > 0 ? Math.min(100, (at / endT) * 100) : 0}%`;
  return (
    <div className="relative h-8 rounded-md border border-slate-200 bg-slate-50" data-testid="player-timeline">
      {items.map((item, i) => (
        <button
          key={item.statement.id}
          type="button"
          title={`#${item.statement.seq} at +${formatOffset(item.statement.t)}: ${item.statement.text.slice(0, 80)}`}
          aria-label={`Statement ${item.statement.seq}`}
          onClick={() => onSelect(i)}
          className={cn(
            'absolute top-1 h-6 w-1 -translate-x-1/2 rounded-sm',
            MARK_CLASS[item.statement.decision] ?? 'bg-slate-400',
            i === current && 'ring-2 ring-slate-900 ring-offset-1',
          )}
          style={{ left: left(item.statement.t) }}
        />
      ))}
      <span aria-hidden className="pointer-events-none absolute inset-y-0 w-px bg-sky-600" style={{ left: left(t) }} />
    </div>
  );
}
