'use client';

import { formatDuration } from '@/components/approvals/format-duration';
import { useNow } from '@/components/approvals/use-now';

/** Counts down to the end of a grant each second; before hydration it shows the end time only. */
export function TimeLeft({ endsAt }: { endsAt: Date | string }) {
  const now = useNow();
  const end = new Date(endsAt).getTime();
  const iso = new Date(end).toISOString();
  if (now === null) {
    return (
      <time dateTime={iso} data-testid="grant-time-left">
        until {iso.slice(11, 16)} UTC
      </time>
    );
  }
  return (
    <time dateTime={iso} title={iso} data-testid="grant-time-left">
      {end > now ? `${formatDuration(end - now)} left` : 'ended'}
    </time>
  );
}
