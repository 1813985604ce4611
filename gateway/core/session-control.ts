import Redis from 'ioredis';
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { accessTokens, auditEvents, users } from '@/lib/db/schema';
import { sessionControlChannel, sessionControlMessage, type SessionControlMessage } from '@/lib/jobs/session-control';
import { identityDisabledReason, tokenExpiredReason, tokenRevokedReason } from '@/lib/sessions/announce-revocation';
import type { LiveSession, SessionRegistry } from './session-registry';

const RECHECK_MS = 2000;
const STOP_WAIT_MS = 1000;

/**
 * Ends live sessions the portal cut off: one an admin terminated, or every session of a revoked
 * token or a disabled identity. At once on the Redis message; and, if the message was lost, within
 * RECHECK_MS from the store (the truth): the 'session.terminated' audit events, and the tokens and
 * identities behind the live sessions (revoked, expired, disabled or gone).
 */
export class SessionControl {
  private subscriber: Redis | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private runningSince = 0;

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

  /** Lets a re-check in flight finish, but never waits long for a store that does not answer. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.subscriber?.disconnect();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.running, new Promise((resolve) => (timer = setTimeout(resolve, STOP_WAIT_MS)))]);
    clearTimeout(timer);
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
    const ended = this.options.sessions.terminateWhere(matches(message.data), message.data.reason);
    if (ended && message.data.type === 'revoke') console.warn(`gateway: ended ${ended} session(s): ${message.data.reason}`);
  }

  /**
   * One re-check at a time: a failing store is logged and tried again on the next tick; one that
   * does not answer is waited for (its queries run once it is back), logged on every tick meanwhile.
   */
  recheck(): Promise<void> {
    const every = this.options.recheckMs ?? RECHECK_MS;
    if (this.running) {
      console.error(`gateway: the store has not answered the live-session re-check for ${Math.round((Date.now() - this.runningSince) / 1000)} s; still waiting`);
      return this.running;
    }
    this.runningSince = Date.now();
    this.running = this.recheckStore()
      .catch((e: Error) => console.error(`gateway: could not re-check live sessions against the store (retrying in ${every} ms): ${e.message}`))
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  private async recheckStore(): Promise<void> {
    const live = this.options.sessions.ids();
    if (live.length === 0) return;
    await Promise.all([this.recheckTerminations(live), this.recheckIdentities()]);
  }

  private async recheckTerminations(live: string[]): Promise<void> {
    const rows = await this.options.db
      .select({ sessionId: auditEvents.subjectId, actor: auditEvents.actorEmail, details: auditEvents.details })
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectType, 'session'), eq(auditEvents.action, 'session.terminated'), inArray(auditEvents.subjectId, live)));
    for (const row of rows) {
      const reason = typeof row.details.reason === 'string' ? row.details.reason : 'terminated by an admin';
      this.options.sessions.terminateWhere((s) => s.id === row.sessionId, `terminated by ${row.actor}: ${reason}`);
    }
  }

  /** One batch query for the tokens and one for the identities of every live session. */
  private async recheckIdentities(): Promise<void> {
    const { db, sessions } = this.options;
    const checked = sessions.identities();
    const [tokens, people] = await Promise.all([
      db
        .select({ id: accessTokens.id, name: accessTokens.name, revokedAt: accessTokens.revokedAt, expiresAt: accessTokens.expiresAt })
        .from(accessTokens)
        .where(inArray(accessTokens.id, checked.tokenIds)),
      db.select({ id: users.id, email: users.email, kind: users.kind, disabledAt: users.disabledAt }).from(users).where(inArray(users.id, checked.userIds)),
    ]);
    const tokenById = new Map(tokens.map((t) => [t.id, t]));
    const userById = new Map(people.map((u) => [u.id, u]));
    const by = await this.cutOffBy(
      tokens.filter((t) => t.revokedAt).map((t) => t.id),
      people.filter((u) => u.disabledAt).map((u) => u.id),
    );
    const now = new Date();
    const tokenIds = new Set(checked.tokenIds);
    const userIds = new Set(checked.userIds);
    // Sessions that registered after the snapshot are judged on the next tick, not as "gone".
    const reasonFor = (s: LiveSession): string | null => {
      if (!userIds.has(s.userId)) return null;
      const user = userById.get(s.userId);
      if (!user) return 'the identity no longer exists';
      if (user.disabledAt) return identityDisabledReason(user, by.users.get(user.id) ?? null);
      if (!s.tokenId || !tokenIds.has(s.tokenId)) return null;
      const token = tokenById.get(s.tokenId);
      if (!token) return 'the access token no longer exists';
      if (token.revokedAt) return tokenRevokedReason(token, by.tokens.get(token.id) ?? null);
      if (token.expiresAt && token.expiresAt <= now) return tokenExpiredReason(token);
      return null;
    };
    const ended = sessions.terminateWhere((s) => reasonFor(s) !== null, (s) => reasonFor(s)!);
    if (ended) console.warn(`gateway: the store re-check ended ${ended} session(s) of revoked, expired or disabled identities`);
  }

  /** Who revoked the tokens and disabled the identities, from their audit events (the latest wins). */
  private async cutOffBy(tokenIds: string[], userIds: string[]): Promise<{ tokens: Map<string, string>; users: Map<string, string> }> {
    const by = { tokens: new Map<string, string>(), users: new Map<string, string>() };
    if (tokenIds.length === 0 && userIds.length === 0) return by;
    const rows = await this.options.db
      .select({ subjectType: auditEvents.subjectType, subjectId: auditEvents.subjectId, actor: auditEvents.actorEmail })
      .from(auditEvents)
      .where(
        or(
          and(eq(auditEvents.subjectType, 'token'), eq(auditEvents.action, 'token.revoked'), inArray(auditEvents.subjectId, tokenIds)),
          and(
            eq(auditEvents.subjectType, 'user'),
            eq(auditEvents.action, 'user.updated'),
            inArray(auditEvents.subjectId, userIds),
            sql`${auditEvents.details} #>> '{changes,disabled,after}' = 'true'`,
          ),
        ),
      )
      .orderBy(asc(auditEvents.seq));
    for (const row of rows) (row.subjectType === 'token' ? by.tokens : by.users).set(row.subjectId!, row.actor);
    return by;
  }
}

function matches(message: SessionControlMessage): (s: LiveSession) => boolean {
  if (message.type === 'terminate') return (s) => s.id === message.sessionId;
  return (s) => (message.tokenId !== undefined && s.tokenId === message.tokenId) || (message.userId !== undefined && s.userId === message.userId);
}
