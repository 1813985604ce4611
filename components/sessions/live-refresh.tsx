'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

const REFRESH_MS = 2000;

/**
 * Keeps a live session's page current: the server re-renders it every 2 s (router.refresh keeps
 * client state, so the player keeps its position and a half-typed reason stays). Stops once the
 * page renders the session as ended, because this component is then no longer rendered.
 */
export function LiveRefresh() {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [router]);
  return (
    <span className="inline-flex items-center gap-2 text-xs font-medium text-emerald-700" data-testid="live-indicator">
      <span aria-hidden className="size-2 animate-pulse rounded-full bg-emerald-500" />
      Live
    </span>
  );
}
