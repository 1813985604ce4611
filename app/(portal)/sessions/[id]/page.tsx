import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getSessionActor } from '@/app/_server/auth';
import { orNotFound } from '@/app/_server/not-found';
import { getDb } from '@/lib/db/client';
import { hasRole } from '@/lib/auth/actor';
import { buildRecording } from '@/lib/sessions/build-recording';
import { getSessionReplay } from '@/lib/sessions/get-session-replay';
import { replayWindowSchema } from '@/lib/sessions/session-schemas';
import { LifecycleEvents } from '@/components/sessions/lifecycle-events';
import { LiveRefresh } from '@/components/sessions/live-refresh';
import { SessionPlayer } from '@/components/sessions/session-player';
import { SessionSummary } from '@/components/sessions/session-summary';
import { TerminateForm } from '@/components/sessions/terminate-form';
import { buttonClass } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { terminateSessionAction } from '../actions';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SessionReplayPage({ params, searchParams }: Props) {
  const { id } = await params;
  const actor = await getSessionActor();
  if (!actor) redirect('/signin');
  const requested = replayWindowSchema.safeParse(await searchParams);
  const afterSeq = requested.success ? requested.data.after : undefined;
  const replay = await orNotFound(getSessionReplay(getDb(), { actor, id, afterSeq }));
  const { session } = replay;
  const isLive = session.endedAt === null;
  const { events } = buildRecording(session, replay.statements, { isComplete: replay.window.nextAfterSeq === null });

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <Link href="/sessions" className="text-sm text-slate-500 hover:text-slate-900">
          ← Sessions
        </Link>
        <div className="flex items-center gap-3">
          {isLive ? <LiveRefresh /> : null}
          <a href={`/api/v1/sessions/${session.id}/recording`} download className={buttonClass({ variant: 'secondary', size: 'sm' })}>
            Download recording
          </a>
        </div>
      </div>
      <Card>
        <CardHeader>
          <h1 className="text-base font-semibold text-slate-900">
            {session.userEmail} on <span className="font-mono">{session.targetName}</span>
          </h1>
        </CardHeader>
        <CardContent className="space-y-4">
          <SessionSummary session={session} durationMs={replay.durationMs} />
          {isLive && hasRole(actor, ['admin']) ? <TerminateForm sessionId={session.id} action={terminateSessionAction} /> : null}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Replay</CardTitle>
          <CardDescription>
            {replay.window.afterSeq !== null || replay.window.nextAfterSeq !== null
              ? `Statements ${replay.statements[0]?.seq ?? '—'} to ${replay.statements.at(-1)?.seq ?? '—'} of this session, at their original timing.`
              : 'Every statement at its original timing, with its decision, approval and the rows that came back as recorded.'}
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-3">
          <SessionPlayer key={replay.window.afterSeq ?? 'first'} events={events} durationMs={replay.durationMs} />
          <WindowLinks id={session.id} afterSeq={replay.window.afterSeq} nextAfterSeq={replay.window.nextAfterSeq} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Audit events</CardTitle>
        </CardHeader>
        <CardContent>
          <LifecycleEvents events={replay.events} />
        </CardContent>
      </Card>
    </div>
  );
}

function WindowLinks({ id, afterSeq, nextAfterSeq }: { id: string; afterSeq: number | null; nextAfterSeq: number | null }) {
  if (afterSeq === null && nextAfterSeq === null) return null;
  return (
    <nav aria-label="Statement pages" className="flex justify-between text-sm">
      {afterSeq !== null ? (
        <Link href={`/sessions/${id}`} className={buttonClass({ variant: 'secondary', size: 'sm' })}>
          ← First statements
        </Link>
      ) : (
        <span />
      )}
      {nextAfterSeq !== null ? (
        <Link href={`/sessions/${id}?after=${nextAfterSeq}`} className={buttonClass({ variant: 'secondary', size: 'sm' })}>
          Later statements →
        </Link>
      ) : null}
    </nav>
  );
}
