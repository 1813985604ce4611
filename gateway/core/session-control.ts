import Redis from 'ioredis';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { auditEvents } from '@/lib/db/schema';
import { sessionControlChannel, sessionControlMessage } from '@/lib/jobs/session-control';
import type { SessionRegistry } from './session-registry';

const RECHECK_MS = 2000;

/**
 * Ends live sessions an admin terminated in the portal: at once on the Redis message, and within
 * RECHECK_MS from the 'session.terminated' audit event (the truth) if the message was lost.
 */
export class SessionControl {
  private subscriber: Redis | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly options: { db: Db; sessions: SessionRegistry; redisUrl: string; prefix: string; recheckMs?: number }) {}

  async start(): Promise<void> {
    const { redisUrl, prefix } = this.options;
    this.subscriber = new Redis(redisUrl, { maxRetriesPerRequest: null, lazyConnect: true });
    this.subscriber.on('error', (e) => console.error(`gateway: session control subscriber: ${e.message}`));
    this.subscriber.on('message', (_channel, raw: string) => this.onMessage(raw));
    await this.subscriber.connect();
    await this.subscriber.subscribe(sessionControlChannel(prefix));
    this.timer = setInterval(() => void this.recheck(), this.options.recheckMs ?? RECHECK_MS);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.subscriber?.disconnect();
  }

  private onMessage(raw: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return console.warn('gateway: ignored a session control message that is not JSON');
    }
    const message = sessionControlMessage.safeParse(parsed);
    if (!message.success) return console.warn('gateway: ignored a malformed session control message');
    this.options.sessions.terminateWhere((s) => s.id === message.data.sessionId, message.data.reason);
  }

  /** Finds terminations of sessions still live here; a failing store is logged and retried next time. */
  async recheck(): Promise<void> {
    const live = this.options.sessions.ids();
    if (live.length === 0) return;
    try {
      const rows = await this.options.db
        .select({ sessionId: auditEvents.subjectId, actor: auditEvents.actorEmail, details: auditEvents.details })
        .from(auditEvents)
        .where(and(eq(auditEvents.subjectType, 'session'), eq(auditEvents.action, 'session.terminated'), inArray(auditEvents.subjectId, live)));
      for (const row of rows) {
        const reason = typeof row.details.reason === 'string' ? row.details.reason : 'terminated by an admin';
        this.options.sessions.terminateWhere((s) => s.id === row.sessionId, `terminated by ${row.actor}: ${reason}`);
      }
    } catch (e) {
      console.error(`gateway: could not re-check session terminations: ${(e as Error).message}`);
    }
  }
}
