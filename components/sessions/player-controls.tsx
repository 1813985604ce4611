import { Button } from '@/components/ui/button';
import { CONTROL_CLASS } from '@/components/ui/input';
import { formatOffset, PLAYER_SPEEDS } from './player-model';
import { PlayerIcon } from './player-icons';

type PlayerControlsProps = {
  speedId: string;
  t: number;
  endT: number;
  speed: number;
  isPlaying: boolean;
  canStepBack: boolean;
  canStepForward: boolean;
  onPlay: () => void;
  onPause: () => void;
  onStep: (delta: -1 | 1) => void;
  onSpeed: (speed: number) => void;
  onSeek: (t: number) => void;
};

/** Play / pause, step, speed and a seek bar over the whole session. */
export function PlayerControls(props: PlayerControlsProps) {
  const { t, endT, speed, isPlaying } = props;
  return (
    <div className="flex flex-wrap items-center gap-3" data-testid="player-controls">
      <Button size="sm" variant="secondary" aria-label="Step back" onClick={() => props.onStep(-1)} disabled={!props.canStepBack}>
        <PlayerIcon name="back" />
      </Button>
      {isPlaying ? (
        <Button size="sm" aria-label="Pause" onClick={props.onPause}>
          <PlayerIcon name="pause" />
        </Button>
      ) : (
        <Button size="sm" aria-label="Play" onClick={props.onPlay}>
          <PlayerIcon name="play" />
        </Button>
      )}
      <Button size="sm" variant="secondary" aria-label="Step forward" onClick={() => props.onStep(1)} disabled={!props.canStepForward}>
        <PlayerIcon name="forward" />
      </Button>
      <label htmlFor={props.speedId} className="text-xs text-slate-600">
        Speed
      </label>
      <div className="w-20">
        <select id={props.speedId} value={String(speed)} onChange={(e) => props.onSpeed(Number(e.target.value))} className={CONTROL_CLASS}>
          {PLAYER_SPEEDS.map((s) => (
            <option key={s} value={String(s)}>
              {s}×
            </option>
          ))}
        </select>
      </div>
      <input
        type="range"
        aria-label="Seek"
        min={0}
        max={Math.max(1, Math.ceil(endT))}
        step={1}
        value={Math.min(Math.round(t), Math.ceil(endT))}
        onChange={(e) => props.onSeek(Number(e.target.value))}
        className="min-w-48 flex-1 accent-slate-900"
      />
      <span className="font-mono text-xs tabular-nums text-slate-600" data-testid="player-clock">
        {formatOffset(t)} / {formatOffset(endT)}
      </span>
    </div>
  );
}
