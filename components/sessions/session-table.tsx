import Link from 'next/link';
import type { SessionListRow } from '@/lib/sessions/list-sessions';
import { formatDuration } from '@/components/approvals/format-duration';
import { DateTime } from '@/components/ui/date-time';
import { Table, TableBody, TableCell, TableEmpty, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { cn } from '@/components/ui/cn';
import { SessionStatus } from './session-status';

function Count({ value, label, tone }: { value: number; label: string; tone: string }) {
  return (
    <span className={cn('tabular-nums', value > 0 ? tone : 'text-slate-400')} title={`${value} ${label}`}>
      {value}
    </span>
  );
}

/** Sessions newest first: who, where, when, how long, what they ran and how it ended. */
export function SessionTable({ rows }: { rows: readonly SessionListRow[] }) {
  return (
    <Table data-testid="session-list">
      <TableHeader>
        <tr>
          <TableHead>Started</TableHead>
          <TableHead>Who</TableHead>
          <TableHead>Target</TableHead>
          <TableHead>Duration</TableHead>
          <TableHead className="text-right">Statements</TableHead>
          <TableHead>
            <span title="blocked / held for approval / masked">Blocked · held · masked</span>
          </TableHead>
          <TableHead>Status</TableHead>
          <TableHead>
            <span className="sr-only">Replay</span>
          </TableHead>
        </tr>
      </TableHeader>
      <TableBody>
        {rows.length === 0 ? <TableEmpty colSpan={8}>No sessions match.</TableEmpty> : null}
        {rows.map((s) => (
          <TableRow key={s.id} data-testid="session-row" data-session-id={s.id} data-live={s.isLive ? 'true' : undefined} className={cn(s.isLive && 'bg-emerald-50/40')}>
            <TableCell>
              <Link href={`/sessions/${s.id}`} className="underline-offset-2 hover:underline">
                <DateTime value={s.startedAt} />
              </Link>
            </TableCell>
            <TableCell>
              <div>{s.userEmail}</div>
              {s.tokenId ? (
                <div className="font-mono text-xs text-slate-500" title={`token ${s.tokenId}`}>
                  token {s.tokenId.slice(0, 8)}
                </div>
              ) : null}
            </TableCell>
            <TableCell className="font-mono text-xs">{s.targetName}</TableCell>
            <TableCell className="whitespace-nowrap">{formatDuration(s.durationMs)}{s.isLive ? ' so far' : ''}</TableCell>
            <TableCell className="text-right tabular-nums">{s.counts.statements}</TableCell>
            <TableCell className="space-x-2 whitespace-nowrap">
              <Count value={s.counts.blocked} label="blocked" tone="text-red-700" />
              <span className="text-slate-300">·</span>
              <Count value={s.counts.held} label="held for approval" tone="text-amber-700" />
              <span className="text-slate-300">·</span>
              <Count value={s.counts.masked} label="masked" tone="text-sky-700" />
            </TableCell>
            <TableCell className="max-w-56 truncate" title={s.endReason ?? undefined}>
              <SessionStatus isLive={s.isLive} endReason={s.endReason} />
            </TableCell>
            <TableCell className="text-right">
              <Link href={`/sessions/${s.id}`} className="text-sky-700 underline-offset-2 hover:underline">
                Replay
              </Link>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
