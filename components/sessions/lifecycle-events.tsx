import type { SessionLifecycleEvent } from '@/lib/sessions/get-session-replay';
import { DateTime } from '@/components/ui/date-time';

const LABELS: Record<string, string> = {
  'session.started': 'Started',
  'session.ended': 'Ended',
  'session.terminated': 'Termination requested',
};

/** The session's entries in the audit log: its start, its end, and any admin's request to end it. */
export function LifecycleEvents({ events }: { events: readonly SessionLifecycleEvent[] }) {
  if (events.length === 0) return <p className="text-sm text-slate-500">No audit events name this session.</p>;
  return (
    <ol className="divide-y divide-slate-100 text-sm" data-testid="session-events">
      {events.map((e) => (
        <li key={e.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 py-2">
          <span className="font-medium">{LABELS[e.action] ?? e.action}</span>
          <span className="text-slate-500">
            <DateTime value={e.at} />
          </span>
          <span className="text-slate-700">{e.summary}</span>
          {typeof e.details.reason === 'string' ? <span className="w-full text-slate-600">Reason: {e.details.reason}</span> : null}
        </li>
      ))}
    </ol>
  );
}
