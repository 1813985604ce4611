/** A timestamp rendered the same on server and client (UTC), with the full ISO value on hover. */
export function DateTime({ value, empty = 'never' }: { value: Date | string | null | undefined; empty?: string }) {
  if (!value) return <span className="text-slate-400">{empty}</span>;
  const iso = new Date(value).toISOString();
  return (
    <time dateTime={iso} title={iso} className="whitespace-nowrap">
      {iso.slice(0, 16).replace('T', ' ')} UTC
    </time>
  );
}
