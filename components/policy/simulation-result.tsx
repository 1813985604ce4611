import type { StatementSimulation } from '@/lib/policy/simulate-statement';
import { Badge } from '@/components/ui/badge';
import { cn } from '@/components/ui/cn';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { ACTION_BADGES, DECISION_LABELS } from './policy-labels';

const DECISION_CLASSES = {
  allow: 'border-emerald-200 bg-emerald-50 text-emerald-800',
  block: 'border-red-200 bg-red-50 text-red-800',
  require_approval: 'border-amber-200 bg-amber-50 text-amber-900',
} as const;

function List({ items }: { items: readonly string[] }) {
  if (!items.length) return <span className="text-slate-400">none</span>;
  return <span className="font-mono text-xs">{items.join(', ')}</span>;
}

export function SimulationResult({ simulation }: { simulation: StatementSimulation }) {
  const { decision, statements, classification, runAs } = simulation;
  return (
    <div className="space-y-4" data-testid="simulation-result">
      <div role="status" className={cn('space-y-1 rounded-md border px-4 py-3', DECISION_CLASSES[decision.action])}>
        <div className="flex flex-wrap items-baseline gap-x-3">
          <span className="text-2xl font-semibold" data-testid="simulation-decision">
            {DECISION_LABELS[decision.action]}
          </span>
          <span className="text-sm">
            for {runAs.email} ({runAs.role})
            {decision.statementIndex !== null && statements.length > 1 ? `, decided by statement ${decision.statementIndex + 1}` : null}
          </span>
        </div>
        <p className="text-sm" data-testid="simulation-rule">
          {decision.rule ? (
            <>
              Rule <strong>{decision.rule.name}</strong>: {decision.message}
            </>
          ) : (
            <>No rule: {decision.message}</>
          )}
        </p>
      </div>
      {classification.ok ? null : (
        <p className="text-sm text-slate-600">
          Parser error: <code className="font-mono text-xs">{classification.error}</code>
        </p>
      )}
      {statements.length ? (
        <Table data-testid="simulation-statements">
          <TableHeader>
            <TableRow>
              <TableHead>#</TableHead>
              <TableHead>Statement</TableHead>
              <TableHead>Kind</TableHead>
              <TableHead>Command</TableHead>
              <TableHead>Tables</TableHead>
              <TableHead>Flags</TableHead>
              <TableHead>Decided by</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {statements.map(({ index, statement, action, rule, message }) => (
              <TableRow key={index} className="align-top">
                <TableCell className="text-slate-400">{index + 1}</TableCell>
                <TableCell className="max-w-80">
                  <code className="block whitespace-pre-wrap break-words font-mono text-xs">{statement.text}</code>
                </TableCell>
                <TableCell>{statement.kind}</TableCell>
                <TableCell className="whitespace-nowrap">{statement.command}</TableCell>
                <TableCell>
                  <List items={statement.tables} />
                </TableCell>
                <TableCell>
                  <List items={statement.flags} />
                </TableCell>
                <TableCell className="space-y-1">
                  <div className="flex flex-wrap items-center gap-2">
                    <Badge variant={ACTION_BADGES[action]}>{DECISION_LABELS[action]}</Badge>
                    <span className="font-medium">{rule ? rule.name : 'no rule'}</span>
                  </div>
                  <p className="text-xs text-slate-500">{message}</p>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </div>
  );
}
