'use client';

import { DateTime } from '@/components/ui/date-time';
import { formatDuration } from './format-duration';
import { useNow } from './use-now';

/** How long the requester has been waiting and how long is left before the request expires, ticking each second. */
export function WaitClock({ createdAt, expiresAt }: { createdAt: string; expiresAt: string }) {
  const now = useNow();
  if (now === null) {
    return (
      <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-600" data-testid="wait-clock">
        <span>
          Waiting since <DateTime value={createdAt} />
        </span>
        <span>
          Expires <DateTime value={expiresAt} />
        </span>
      </p>
    );
  }
  const left = Date.parse(expiresAt) - now;
  return (
    <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-600" data-testid="wait-clock">
      <span>
        Waiting <span className="font-medium tabular-nums text-slate-900">{formatDuration(now - Date.parse(createdAt))}</span>
      </span>
      {left > 0 ? (
        <span>
          <span className={left < 60_000 ? 'font-medium tabular-nums text-red-700' : 'font-medium tabular-nums text-slate-900'}>
            {formatDuration(left)}
          </span>{' '}
          left
        </span>
      ) : (
        <span className="font-medium text-red-700">Expired</span>
      )}
    </p>
  );
}
