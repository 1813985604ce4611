import { z } from 'zod';
import type { Db } from '../db/client';
import type { Role } from '../db/schema';
import { assertRole, type Actor } from '../auth/actor';
import { AppError, isAppError } from '../errors';
import { isUuid } from '../ids';
import { classifySql, initSqlParser, type Classification } from '../sql/classify-sql';
import { getTargetRow } from '../targets/get-target';
import { getUserById } from '../users/get-user';
import { parseInput } from '../validation';
import { simulatePolicy } from './evaluate-policy';
import type { Simulation } from './policy-types';
import { getTargetPolicyRules } from './target-policy';

/** Far below the classifier's own 1 MiB limit: the simulator is for pasting a statement, not a dump. */
export const MAX_SIMULATED_SQL_BYTES = 100 * 1024;

export const simulateStatementSchema = z.object({
  sql: z
    .string('Statement must be text')
    .refine((sql) => sql.trim() !== '', 'Paste a statement to simulate')
    .refine((sql) => Buffer.byteLength(sql, 'utf8') <= MAX_SIMULATED_SQL_BYTES, 'Statement must be at most 100 KB'),
  userId: z.string('Choose a user to run as').refine(isUuid, 'Choose a user to run as'),
});
export type SimulateStatementInput = z.infer<typeof simulateStatementSchema>;

export type ClassificationSummary =
  | { ok: true; statementCount: number; kinds: string[]; flags: string[]; tables: string[]; functions: string[] }
  | { ok: false; error: string };

export type StatementSimulation = Simulation & {
  target: { id: string; name: string };
  runAs: { id: string; email: string; role: Role };
  classification: ClassificationSummary;
};

function summarize(classification: Classification): ClassificationSummary {
  if (!classification.ok) return { ok: false, error: classification.error };
  const { statements, kinds, flags, tables, functions } = classification;
  return { ok: true, statementCount: statements.length, kinds, flags, tables, functions };
}

async function findRunAs(db: Db, userId: string) {
  try {
    return await getUserById(db, userId);
  } catch (e) {
    if (isAppError(e) && e.code === 'NOT_FOUND') {
      throw new AppError('NOT_FOUND', `No user with id ${userId}`, { fieldErrors: { userId: ['No such user'] } });
    }
    throw e;
  }
}

/**
 * What the target's saved rules would decide for this SQL sent by that user, statement by
 * statement. Only the user's id and role reach the policy: a simulated statement has no token, so
 * rules restricted to token ids never match here.
 */
export async function simulateStatement(
  db: Db,
  options: { actor: Actor; idOrName: string; sql: string; userId: string },
): Promise<StatementSimulation> {
  assertRole(options.actor, ['admin']);
  const { sql, userId } = parseInput(simulateStatementSchema, { sql: options.sql, userId: options.userId });
  const target = await getTargetRow(db, options.idOrName);
  const user = await findRunAs(db, userId);
  const rules = await getTargetPolicyRules(db, target.id);
  await initSqlParser();
  const classification = classifySql(sql);
  const simulation = simulatePolicy(rules, { identity: { userId: user.id, role: user.role }, classification });
  return {
    ...simulation,
    target: { id: target.id, name: target.name },
    runAs: { id: user.id, email: user.email, role: user.role },
    classification: summarize(classification),
  };
}
