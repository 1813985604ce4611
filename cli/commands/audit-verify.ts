import { getSqlClient } from '../../lib/db/client';
import { verifyAuditChain, type ChainCounts, type VerifyProgress, type VerifyResult } from '../../lib/audit/chain/verify-chain';
import type { Command } from '../command';
import { parseCommandLine } from '../parse-command-line';
import { UsageError } from '../usage-error';

const PROGRESS_EVERY_MS = 2000;

export const auditVerify: Command = {
  name: 'audit verify',
  summary: 'Check the audit hash chains; exit 1 at the first broken link',
  help: `Usage: gatehouse audit verify [--expect-head SEQ:HASH] [--json]

Reads the whole audit trail in one snapshot, as the application role (DATABASE_APP_URL), and
checks both kinds of hash chain: the audit events in order, and each gateway session's
statements and outcomes against each other and against its session.started / session.ended
events. Sessions removed by retention must be listed by a recordings.purged event.

Prints a summary and the chain's head on stdout and exits 0 when everything holds. Otherwise it
names the first broken link (table, event number or session and link, and what is wrong: edited,
missing, reordered or extra) and exits 1. Progress goes to stderr on long runs.

Flags:
  --expect-head SEQ:HASH  a head printed by an earlier run and kept elsewhere: that event must
                          still carry that hash (catches events deleted from the end)
  --json                  print the result as JSON instead`,
  async run(args) {
    const { values } = parseCommandLine({ args, options: { 'expect-head': { type: 'string' }, json: { type: 'boolean' } } });
    const expectHead = values['expect-head'] === undefined ? undefined : parseHead(values['expect-head']);
    const result = await verifyAuditChain(getSqlClient(), { expectHead, onProgress: progressPrinter() });
    console.log(values.json ? JSON.stringify(result, null, 2) : summary(result));
    return result.ok ? 0 : 1;
  },
};

function parseHead(text: string): { seq: number; hash: string } {
  const match = /^#?(\d{1,15}):([0-9a-f]{64})$/.exec(text.trim());
  if (!match) throw new UsageError('--expect-head takes SEQ:HASH, e.g. 1234:9f86d08... (the "head" line of an earlier run)');
  return { seq: Number(match[1]), hash: match[2]! };
}

/** Nothing for short runs; a line every two seconds once a run takes longer. */
function progressPrinter(): (p: VerifyProgress) => void {
  const started = Date.now();
  let last = started;
  return (p) => {
    const now = Date.now();
    if (now - last < PROGRESS_EVERY_MS) return;
    last = now;
    const of = (key: keyof ChainCounts, label: string) => `${p.checked[key].toLocaleString('en')} of ${p.total[key].toLocaleString('en')} ${label}`;
    const where = p.phase === 'events' ? of('events', 'events') : p.phase === 'sessions' ? `${of('statements', 'statements')}, ${of('outcomes', 'outcomes')}` : 'purged sessions';
    process.stderr.write(`verifying ${where} (${Math.round((now - started) / 1000)} s)\n`);
  };
}

const counts = (c: ChainCounts) => `${c.events} events, ${c.sessions} sessions, ${c.statements} statements, ${c.outcomes} outcomes`;

function summary(r: VerifyResult): string {
  const lines: string[] = [];
  if (r.firstBreak) {
    const b = r.firstBreak;
    const place = [b.table, b.seq !== undefined ? `event #${b.seq}` : null, b.sessionId ? `session ${b.sessionId}` : null, b.link !== undefined ? `link ${b.link}` : null];
    lines.push(`audit chain BROKEN at ${place.filter(Boolean).join(', ')} (${b.kind}):`, `  ${b.problem}`, `checked before the break: ${counts(r.checked)}`);
    return lines.join('\n');
  }
  lines.push(`audit chain intact: ${counts(r.checked)} checked`);
  if (r.legacySessions) lines.push(`  ${r.legacySessions} sessions recorded before tamper evidence existed (not chained)`);
  if (r.purgedSessions) lines.push(`  ${r.purgedSessions} sessions removed by retention, each listed by a recordings.purged event`);
  lines.push(r.head ? `head: ${r.head.seq}:${r.head.hash}` : 'head: none (no audit events yet)');
  return lines.join('\n');
}
