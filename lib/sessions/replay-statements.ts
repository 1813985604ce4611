import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import {
  approvalDecisions,
  approvalRequests,
  statementOutcomes,
  statements,
  type ApprovalDecisionKind,
  type ApprovalStatus,
  type StatementOutcomeRow,
  type StatementRow,
} from '../db/schema';

export type ReplayOutcome = Omit<StatementOutcomeRow, 'statementId' | 'link' | 'prevHash' | 'hash'>;

export type ReplayDecision = { approverEmail: string; decision: ApprovalDecisionKind; reason: string | null; decidedAt: Date };

export type ReplayApproval = {
  id: string;
  status: ApprovalStatus;
  requesterEmail: string;
  heldReason: string;
  requiredApprovals: number;
  createdAt: Date;
  decidedAt: Date | null;
  decidedByEmail: string | null;
  decisionReason: string | null;
  decisions: ReplayDecision[];
  /** The approval's page in the portal. */
  href: string;
};

export type ReplayStatement = Omit<StatementRow, 'sessionId' | 'link' | 'prevHash' | 'hash'> & {
  outcome: ReplayOutcome | null;
  approval: ReplayApproval | null;
};

export const REPLAY_WINDOW = { default: 1000, max: 5000 } as const;

/**
 * One window of a session's statements in seq order (after `afterSeq`), each with its outcome and
 * its approval request with every decision. Windows keep a session of a million statements from
 * being loaded at once; the seek is an index range on statements_session_seq_idx.
 */
export async function listReplayStatements(
  db: Db,
  options: { sessionId: string; afterSeq?: number | null; limit?: number },
): Promise<{ statements: ReplayStatement[]; hasMore: boolean }> {
  const limit = Math.min(Math.max(1, options.limit ?? REPLAY_WINDOW.default), REPLAY_WINDOW.max);
  const conditions = [eq(statements.sessionId, options.sessionId)];
  if (options.afterSeq != null) conditions.push(gt(statements.seq, options.afterSeq));
  const rows = await db
    .select({ statement: statements, outcome: statementOutcomes })
    .from(statements)
    .leftJoin(statementOutcomes, eq(statementOutcomes.statementId, statements.id))
    .where(and(...conditions))
    .orderBy(asc(statements.seq))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const approvals = await loadApprovals(db, [...new Set(page.map((r) => r.statement.approvalId).filter((id): id is string => Boolean(id)))]);
  return {
    hasMore: rows.length > limit,
    statements: page.map(({ statement, outcome }) => {
      const { sessionId: _s, link: _l, prevHash: _p, hash: _h, ...rest } = statement;
      return { ...rest, outcome: outcome ? replayOutcome(outcome) : null, approval: (rest.approvalId && approvals.get(rest.approvalId)) || null };
    }),
  };
}

function replayOutcome(row: StatementOutcomeRow): ReplayOutcome {
  const { statementId: _s, link: _l, prevHash: _p, hash: _h, ...rest } = row;
  return rest;
}

async function loadApprovals(db: Db, ids: string[]): Promise<Map<string, ReplayApproval>> {
  if (ids.length === 0) return new Map();
  const [requests, decisions] = await Promise.all([
    db.select().from(approvalRequests).where(inArray(approvalRequests.id, ids)),
    db.select().from(approvalDecisions).where(inArray(approvalDecisions.requestId, ids)).orderBy(asc(approvalDecisions.createdAt)),
  ]);
  return new Map(
    requests.map((r) => [
      r.id,
      {
        id: r.id,
        status: r.status,
        requesterEmail: r.requesterEmail,
        heldReason: r.heldReason,
        requiredApprovals: r.requiredApprovals,
        createdAt: r.createdAt,
        decidedAt: r.decidedAt,
        decidedByEmail: r.decidedByEmail,
        decisionReason: r.decisionReason,
        decisions: decisions
          .filter((d) => d.requestId === r.id)
          .map((d) => ({ approverEmail: d.approverEmail, decision: d.decision, reason: d.reason, decidedAt: d.createdAt })),
        href: `/approvals/${r.id}`,
      },
    ]),
  );
}
