import { cn } from '@/components/ui/cn';
import { tokenizeSql, type SqlTokenKind } from './sql-tokens';

const TOKEN_CLASS: Record<SqlTokenKind, string | undefined> = {
  keyword: 'font-semibold text-sky-700',
  string: 'text-emerald-700',
  number: 'text-amber-700',
  comment: 'italic text-slate-400',
  identifier: 'text-violet-700',
  parameter: 'text-rose-700',
  text: undefined,
};

/** The statement as text nodes in coloured spans: React escapes every character, so no markup from the SQL can run. */
export function SqlHighlight({ sql, className }: { sql: string; className?: string }) {
  return (
    <pre
      className={cn('overflow-x-auto whitespace-pre-wrap break-words rounded-md border border-slate-200 bg-slate-50 p-3 font-mono text-xs text-slate-800', className)}
      data-testid="approval-statement"
    >
      <code>
        {tokenizeSql(sql).map((token, i) =>
          token.kind === 'text' ? (
            token.text
          ) : (
            <span key={i} className={TOKEN_CLASS[token.kind]} data-token={token.kind}>
              {token.text}
            </span>
          ),
        )}
      </code>
    </pre>
  );
}
