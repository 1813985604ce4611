/** Small stroke icons for the player's buttons (the buttons carry the accessible names). */
const PATHS = {
  back: 'M11 5 4 12l7 7M20 5l-7 7 7 7',
  forward: 'M13 5l7 7-7 7M4 5l7 7-7 7',
  play: 'M7 4.5v15l12-7.5z',
  pause: 'M8 5v14M16 5v14',
} as const;

export function PlayerIcon({ name }: { name: keyof typeof PATHS }) {
  return (
    <svg aria-hidden viewBox="0 0 24 24" className="size-4" fill={name === 'play' ? 'currentColor' : 'none'} stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round">
      <path d={PATHS[name]} />
    </svg>
  );
}
