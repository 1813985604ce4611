import type { OutcomeEvent } from '@/lib/sessions/recording-format';
import { Badge } from '@/components/ui/badge';

/** The rows the caller received, as recorded: masked values stay masked, and only the first rows were kept. */
export function ResultRows({ outcome }: { outcome: OutcomeEvent }) {
  const { columns, rows } = outcome;
  if (!columns?.length) return null;
  return (
    <div className="space-y-2">
      <p className="flex flex-wrap items-center gap-2 text-xs text-slate-500">
        {outcome.truncated ? <span data-testid="rows-truncated">First {rows?.length ?? 0} rows{outcome.rowCount != null ? ` of ${outcome.rowCount}` : ''}, as recorded.</span> : <span>{rows?.length ?? 0} rows, as recorded.</span>}
        {outcome.masked ? <Badge variant="info">masked</Badge> : null}
      </p>
      <div className="max-h-80 overflow-auto rounded-md border border-slate-200">
        <table className="w-full text-left font-mono text-xs" data-testid="result-rows">
          <thead className="sticky top-0 bg-slate-50 text-slate-500">
            <tr>
              {columns.map((c, i) => (
                <th key={i} scope="col" className="px-3 py-1.5 font-medium">
                  {c.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {(rows ?? []).map((row, r) => (
              <tr key={r}>
                {row.map((value, c) => (
                  <td key={c} className="whitespace-pre-wrap break-all px-3 py-1 text-slate-800">
                    {value === null ? <span className="italic text-slate-400">NULL</span> : value}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
