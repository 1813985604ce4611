import { Badge } from '@/components/ui/badge';

/** "Live" while the session runs; otherwise why it ended. */
export function SessionStatus({ isLive, endReason }: { isLive: boolean; endReason: string | null }) {
  if (isLive) {
    return (
      <Badge variant="success" data-testid="session-live">
        <span aria-hidden className="mr-1 size-1.5 animate-pulse rounded-full bg-emerald-500" />
        Live
      </Badge>
    );
  }
  return <span className="text-slate-600">{endReason ?? 'ended'}</span>;
}
