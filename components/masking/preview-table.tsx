import type { MaskingPreview } from '@/lib/masking/preview-masked-query';
import { Badge } from '@/components/ui/badge';
import { Table, TableBody, TableCell, TableEmpty, TableHead, TableHeader, TableRow } from '@/components/ui/table';

/** The masked result as the chosen user would get it; a masked column names the rule that masked it. */
export function PreviewTable({ preview }: { preview: MaskingPreview }) {
  const { columns, rows, truncated } = preview;
  return (
    <div className="space-y-2">
      <Table data-testid="masking-preview">
        <TableHeader>
          <TableRow>
            {columns.map((column, i) => (
              <TableHead key={`${column.name}-${i}`} className="normal-case">
                <span className="font-mono">{column.name}</span>
                {column.maskedBy ? (
                  <Badge variant="warning" className="ml-2 font-sans" data-testid="masked-by">
                    {column.maskedBy}
                  </Badge>
                ) : null}
              </TableHead>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.length === 0 ? (
            <TableEmpty colSpan={Math.max(columns.length, 1)}>No rows.</TableEmpty>
          ) : (
            rows.map((row, r) => (
              <TableRow key={r}>
                {row.map((cell, c) => (
                  <TableCell key={c} className="font-mono text-xs whitespace-pre-wrap">
                    {cell === null ? <span className="text-slate-400 italic">NULL</span> : cell}
                  </TableCell>
                ))}
              </TableRow>
            ))
          )}
        </TableBody>
      </Table>
      <p className="text-xs text-slate-500">
        {rows.length === 1 ? '1 row' : `${rows.length} rows`}
        {truncated ? ' shown; the target has more, which the preview does not fetch.' : '.'} Detector rules apply to every text cell, so an
        unbadged column may still have masked parts.
      </p>
    </div>
  );
}
