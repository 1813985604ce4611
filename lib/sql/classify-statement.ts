import { wrappedNode } from './ast';
import { describeStatement } from './describe-statement';
import { isExplainAnalyze } from './explain-options';
import type { StatementFlag, StatementInfo } from './statement-types';
import { walkStatement } from './walk-statement';
import { columnUses, type ColumnUses } from './column-uses';

const NO_USES: ColumnUses = { names: [], predicateNames: [], aliases: [], copyTo: null };

/**
 * One statement: its own shape (kind, command, node flags) combined with what the walk found
 * inside it. A read that calls a function we cannot vouch for, or hides DML in a CTE, is a write.
 */
export function classifyStatement(root: unknown, text: string): StatementInfo {
  const node = wrappedNode(root);
  if (!node) return { kind: 'unknown', command: 'UNKNOWN', text, tables: [], functions: [], flags: [], uses: NO_USES };
  const shape = describeStatement(node.type, node.fields);
  const facts = walkStatement(root);
  const flags = new Set<StatementFlag>([...shape.flags, ...facts.flags]);
  let kind = shape.kind;
  if (kind === 'read' && (flags.has('unsafe-function') || flags.has('dml-in-cte'))) kind = 'write';
  if (node.type === 'ExplainStmt' && kind !== 'read' && isExplainAnalyze(node.fields)) flags.add('explain-analyze-write');
  return { kind, command: shape.command, text, tables: facts.tables, functions: facts.functions, flags: [...flags], uses: columnUses(root) };
}
