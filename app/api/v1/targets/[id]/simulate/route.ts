import { apiRoute, readJson } from '@/app/_server/api';
import { getDb } from '@/lib/db/client';
import { parseInput } from '@/lib/validation';
import { simulateStatement, simulateStatementSchema } from '@/lib/policy/simulate-statement';

export const POST = apiRoute(['admin'], async (req, { actor, params }) => {
  const { sql, userId } = parseInput(simulateStatementSchema, await readJson(req));
  return simulateStatement(getDb(), { actor, idOrName: params.id!, sql, userId });
});
