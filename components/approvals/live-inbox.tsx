'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { cn } from '@/components/ui/cn';

type ConnectionState = 'connecting' | 'open';

/**
 * Keeps the server-rendered approvals current: the stream says when the pending list changed and
 * the page re-renders on the server (router.refresh keeps client state such as a half-typed reason).
 * EventSource reconnects by itself after an error or when the server ends the stream.
 */
export function LiveInbox({ url = '/api/v1/approvals/stream' }: { url?: string }) {
  const router = useRouter();
  const [state, setState] = useState<ConnectionState>('connecting');
  useEffect(() => {
    const source = new EventSource(url);
    source.onopen = () => setState('open');
    source.onerror = () => setState('connecting');
    source.addEventListener('approvals', () => router.refresh());
    return () => source.close();
  }, [url, router]);
  const isOpen = state === 'open';
  return (
    <span className="inline-flex items-center gap-2 text-xs text-slate-500" data-testid="live-indicator" data-state={state}>
      <span aria-hidden className={cn('size-2 rounded-full', isOpen ? 'animate-pulse bg-emerald-500' : 'bg-slate-300')} />
      {isOpen ? 'Live' : 'Connecting…'}
    </span>
  );
}
