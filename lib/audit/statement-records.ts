import { asc, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { statementOutcomes, statements, type StatementOutcomeRow, type StatementRow } from '../db/schema';

/** The outcome's own keys and chain link are left out: the statement's are the ones shown. */
type OutcomeView = Omit<StatementOutcomeRow, 'statementId' | 'sessionId' | 'link' | 'prevHash' | 'hash'>;

export type StatementRecordView = StatementRow & Partial<OutcomeView>;

/** Statement records with their outcomes (absent while a statement is still running or never ran). */
export async function listStatementRecords(db: Db, where: SQL): Promise<StatementRecordView[]> {
  const rows = await db
    .select({ statement: statements, outcome: statementOutcomes })
    .from(statements)
    .leftJoin(statementOutcomes, eq(statementOutcomes.statementId, statements.id))
    .where(where)
    .orderBy(asc(statements.startedAt), asc(statements.seq));
  return rows.map(({ statement, outcome }) => {
    if (!outcome) return statement;
    const { statementId: _id, sessionId: _session, link: _link, prevHash: _prev, hash: _hash, ...rest } = outcome;
    return { ...statement, ...rest };
  });
}
