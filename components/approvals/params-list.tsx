/** Bind parameters as the gateway received them, numbered like the statement's $1, $2. */
export function ParamsList({ params }: { params: readonly (string | null)[] | null }) {
  if (!params?.length) return <p className="text-sm text-slate-500">The statement has no bind parameters.</p>;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 font-mono text-xs" data-testid="approval-params">
      {params.map((value, i) => (
        <div key={i} className="contents">
          <dt className="text-rose-700">${i + 1}</dt>
          <dd className="break-all text-slate-800">{value === null ? <span className="italic text-slate-400">NULL</span> : value}</dd>
        </div>
      ))}
    </dl>
  );
}
