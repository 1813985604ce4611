import { and, desc, eq, gte, ilike, inArray, isNotNull, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { gatewaySessions, statementOutcomes, statements, type DelegationChain } from '../db/schema';
import type { Actor } from '../auth/actor';
import { isUuid } from '../ids';
import { parseInput } from '../validation';
import { decodeSessionCursor, encodeSessionCursor } from './session-cursor';
import { listSessionsSchema, type ListSessionsFilter, type ParsedSessionsFilter } from './session-schemas';
import { visibleSessionsCondition } from './session-visibility';

export { listSessionsSchema };

const DEFAULT_LIMIT = 50;

export type SessionListRow = {
  id: string;
  userId: string | null;
  userEmail: string;
  tokenId: string | null;
  /** A Gatehouse access token or the identity provider's JWT. */
  authMethod: 'token' | 'jwt';
  /** Whom the caller acted for, outermost first; null when for itself. */
  actingFor: DelegationChain | null;
  targetId: string | null;
  targetName: string;
  protocol: string;
  clientAddress: string | null;
  applicationName: string | null;
  startedAt: Date;
  endedAt: Date | null;
  endReason: string | null;
  isLive: boolean;
  /** Until the end, or until now while the session is live. */
  durationMs: number;
  counts: { statements: number; blocked: number; held: number; masked: number };
};

export type SessionListPage = { sessions: SessionListRow[]; nextCursor: string | null };

/** Statements matching a search, as the stored vector splits names at dots (drizzle/0010_audit_guards.sql); quotes stay: they make a phrase. */
const matchesSearch = (q: string) => sql`"statements"."search" @@ websearch_to_tsquery('simple', translate(${q}, '.', ' '))`;

/** Up to this many matching statements, the search goes from the matches to their sessions. */
const RARE_MATCHES = 2000;

/**
 * The sessions holding a rare term's statements, or null for a common term. Two plans serve the two
 * cases: a rare term is cheapest found through the GIN index and then its few sessions; a common one
 * by walking sessions newest first until a page is full, each checked for a match. PostgreSQL cannot
 * tell them apart from its statistics (it guessed half of all sessions for a term in one statement).
 */
async function rareTermSessions(db: Db, q: string): Promise<string[] | null> {
  const rows = await db.execute<{ session_id: string }>(
    sql`select session_id from ${statements} where ${matchesSearch(q)} limit ${RARE_MATCHES + 1}`,
  );
  return rows.length > RARE_MATCHES ? null : [...new Set(rows.map((r) => r.session_id))];
}

function searchCondition(q: string, matches: string[] | null): SQL {
  if (matches) return matches.length ? inArray(gatewaySessions.id, matches) : sql`false`;
  return sql`exists (select 1 from ${statements} where ${statements.sessionId} = ${gatewaySessions.id} and ${matchesSearch(q)})`;
}

const likePattern = (value: string) => `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function filterConditions(actor: Actor, f: ParsedSessionsFilter, matches: string[] | null): SQL[] {
  const s = gatewaySessions;
  const conditions = [visibleSessionsCondition(actor)];
  if (f.user) conditions.push(isUuid(f.user) ? eq(s.userId, f.user) : ilike(s.userEmail, likePattern(f.user)));
  if (f.token) conditions.push(eq(s.tokenId, f.token));
  if (f.target) conditions.push(eq(s.targetName, f.target));
  if (f.from) conditions.push(gte(s.startedAt, f.from));
  if (f.to) conditions.push(lte(s.startedAt, f.to));
  if (f.status) conditions.push(f.status === 'live' ? isNull(s.endedAt) : isNotNull(s.endedAt));
  if (f.endReason) conditions.push(ilike(s.endReason, likePattern(f.endReason)));
  if (f.q) conditions.push(searchCondition(f.q, matches));
  const cursor = f.cursor ? decodeSessionCursor(f.cursor) : null;
  if (cursor) {
    // The plain bound lets the planner walk gateway_sessions_started_idx; the row comparison breaks ties.
    conditions.push(lte(s.startedAt, sql`${cursor.at}::timestamptz`));
    conditions.push(sql`(${s.startedAt}, ${s.id}) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)`);
  }
  return conditions.filter((c): c is SQL => Boolean(c));
}

/**
 * Sessions newest first, one page at a time. The page is chosen first (filters, keyset or offset,
 * limit + 1 to know whether more follow); only then are its rows' statements counted, each through
 * a LATERAL aggregate over statements_session_seq_idx, so a page costs the same however many
 * statements the store holds. Matches are never counted in total.
 */
export async function listSessions(db: Db, options: { actor: Actor; filter?: ListSessionsFilter }): Promise<SessionListPage> {
  const filter = parseInput(listSessionsSchema, options.filter ?? {});
  const limit = filter.limit ?? DEFAULT_LIMIT;
  const s = gatewaySessions;
  const page = db
    .select({
      id: s.id,
      userId: s.userId,
      userEmail: s.userEmail,
      tokenId: s.tokenId,
      authMethod: s.authMethod,
      actingFor: s.actingFor,
      targetId: s.targetId,
      targetName: s.targetName,
      protocol: s.protocol,
      clientAddress: s.clientAddress,
      applicationName: s.applicationName,
      startedAt: s.startedAt,
      endedAt: s.endedAt,
      endReason: s.endReason,
      cursorAt: sql<string>`to_char(${s.startedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('cursor_at'),
    })
    .from(s)
    .where(and(...filterConditions(options.actor, filter, filter.q ? await rareTermSessions(db, filter.q) : null)))
    .orderBy(desc(s.startedAt), desc(s.id))
    .limit(limit + 1)
    .offset(filter.cursor ? 0 : (filter.offset ?? 0))
    .as('page');
  // Each count has an index of its own: all statements, the non-allowed ones, the masked outcomes.
  // The page's id, qualified by hand: inside these subqueries drizzle would leave it bare.
  const pageId = sql.raw('"page"."id"');
  const counts = db
    .select({
      statements: sql<number>`(select count(*) from ${statements} where ${statements.sessionId} = ${pageId})::int`.as('statement_count'),
      blocked: sql<number>`(select count(*) from ${statements} where ${statements.sessionId} = ${pageId} and ${statements.decision} <> 'allow' and ${statements.decision} = 'block')::int`.as('blocked_count'),
      held: sql<number>`(select count(*) from ${statements} where ${statements.sessionId} = ${pageId} and ${statements.decision} <> 'allow' and ${statements.decision} = 'require_approval')::int`.as('held_count'),
      masked: sql<number>`(select count(*) from ${statementOutcomes} where ${statementOutcomes.sessionId} = ${pageId} and ${statementOutcomes.masked})::int`.as('masked_count'),
    })
    .from(sql`(select 1) as one`)
    .as('counts');
  const rows = await db.select().from(page).crossJoinLateral(counts).orderBy(desc(page.startedAt), desc(page.id));

  const now = Date.now();
  const sessions = rows.slice(0, limit).map(({ page: { cursorAt: _cursor, ...row }, counts: c }) => ({
    ...row,
    isLive: row.endedAt === null,
    durationMs: Math.max(0, (row.endedAt?.getTime() ?? now) - row.startedAt.getTime()),
    counts: c,
  }));
  const last = rows.length > limit ? rows[limit - 1]!.page : null;
  return { sessions, nextCursor: last ? encodeSessionCursor({ at: last.cursorAt, id: last.id }) : null };
}
