import { buttonClass } from '@/components/ui/button';
import { auditQueryString, withoutCursor, type AuditQuery } from './audit-query';

/** Downloads of everything the current filters match (not only this page), streamed by the API. */
export function AuditExportLinks({ query }: { query: AuditQuery }) {
  const base = withoutCursor(query);
  return (
    <div className="flex gap-2">
      <a href={`/api/v1/audit/export${auditQueryString(base, { format: 'csv' })}`} className={buttonClass({ variant: 'secondary', size: 'sm' })} download>
        Export CSV
      </a>
      <a href={`/api/v1/audit/export${auditQueryString(base, { format: 'jsonl' })}`} className={buttonClass({ variant: 'secondary', size: 'sm' })} download>
        Export JSON Lines
      </a>
    </div>
  );
}
