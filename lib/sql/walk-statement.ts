import { asArray, fieldsOf, isAstObject, wrappedNode, type AstObject } from './ast';
import { isExplainAnalyze } from './explain-options';
import { describeFunctionCall, isFuncCall } from './function-call';
import { isRangeVar, rangeVarName, statementObjectNames } from './relation-name';
import type { StatementFlag } from './statement-types';
import { isRealFilter } from './where-filter';

export type StatementFacts = { tables: string[]; functions: string[]; flags: StatementFlag[] };

type WalkState = {
  /** False inside bodies that are stored, not run now: function bodies, rules, plain EXPLAIN. */
  executes: boolean;
  /** True below the statement itself (a wrapper's query excepted), so DML found there is nested, as in a CTE. */
  nested: boolean;
  /** CTE names visible here: an unqualified FROM item with one of these names is not a table. */
  ctes: ReadonlySet<string>;
};

const DML = new Set(['InsertStmt', 'UpdateStmt', 'DeleteStmt', 'MergeStmt']);
/** Statements whose `query` is the statement that matters, not something nested in it. */
const WRAPPERS = new Set(['ExplainStmt', 'PrepareStmt', 'CopyStmt', 'DeclareCursorStmt', 'CreateTableAsStmt']);
const STORED_BODIES = new Set(['CreateFunctionStmt', 'RuleStmt', 'ViewStmt', 'CreateTrigStmt', 'CreatePolicyStmt']);

/**
 * Walks the whole parse tree generically, so that relations and calls are found wherever they sit
 * (CTEs, subqueries, JOINs, function arguments, ON CONFLICT, RETURNING), and records them with
 * the flags that follow from what is nested: DML in a CTE, unfiltered DELETE/UPDATE, unsafe calls.
 */
export function walkStatement(root: unknown): StatementFacts {
  const tables = new Set<string>();
  const functions = new Set<string>();
  const flags = new Set<StatementFlag>();

  function visit(value: unknown, state: WalkState): void {
    if (Array.isArray(value)) {
      for (const item of value) visit(item, state);
      return;
    }
    if (!isAstObject(value)) return;
    const node = wrappedNode(value);
    if (node) visitNode(node.type, node.fields, state);
    else visitFields(value, state);
  }

  function visitNode(type: string, fields: AstObject, state: WalkState): void {
    if (type === 'RangeVar') {
      // Only FROM items are wrapped RangeVars; only they can name a CTE.
      const isCte = fields.schemaname === undefined && state.ctes.has(String(fields.relname));
      if (!isCte && isRangeVar(fields)) tables.add(rangeVarName(fields));
      return;
    }
    if (DML.has(type) && state.executes) recordDml(type, fields, state);
    for (const name of statementObjectNames(type, fields)) tables.add(name);

    const inner: WalkState = {
      ...state,
      nested: state.nested || type.endsWith('Stmt'),
      executes: state.executes && !STORED_BODIES.has(type),
    };
    if (WRAPPERS.has(type)) {
      const executes = type === 'ExplainStmt' ? state.executes && isExplainAnalyze(fields) : state.executes;
      visit(fields.query, { ...state, executes });
      visitFields(fields, inner, 'query');
      return;
    }
    visitFields(fields, inner);
  }

  function recordDml(type: string, fields: AstObject, state: WalkState): void {
    if (state.nested) flags.add('dml-in-cte');
    if (type === 'DeleteStmt' && !isRealFilter(fields.whereClause)) flags.add('delete-without-where');
    if (type === 'UpdateStmt' && !isRealFilter(fields.whereClause)) flags.add('update-without-where');
  }

  function visitFields(fields: AstObject, state: WalkState, skip?: string): void {
    if (isRangeVar(fields)) {
      tables.add(rangeVarName(fields));
      return;
    }
    if (isFuncCall(fields)) {
      const call = describeFunctionCall(fields);
      functions.add(call.name);
      for (const flag of call.flags) flags.add(flag);
    }
    const scope = isAstObject(fields.withClause) ? visitWith(fields.withClause, state) : state;
    for (const [key, child] of Object.entries(fields)) {
      if (key !== skip && key !== 'withClause') visit(child, scope);
    }
  }

  /**
   * A CTE sees the CTEs before it (all of them under WITH RECURSIVE); the statement body sees all.
   * Scoping precisely matters: a CTE name must not hide a real table of the same name elsewhere.
   */
  function visitWith(withClause: AstObject, state: WalkState): WalkState {
    const ctes = asArray(withClause.ctes);
    const names = ctes.map((cte) => String(fieldsOf(cte, 'CommonTableExpr')?.ctename ?? ''));
    const withNames = (visible: string[]) => ({ ...state, ctes: new Set([...state.ctes, ...visible]) });
    ctes.forEach((cte, i) => visit(cte, withNames(withClause.recursive ? names : names.slice(0, i))));
    return withNames(names);
  }

  visit(root, { executes: true, nested: false, ctes: new Set() });
  return { tables: [...tables], functions: [...functions], flags: [...flags] };
}
