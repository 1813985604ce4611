import { Alert } from '@/components/ui/alert';

/** What someone without the auditor or admin role sees on the audit page: the refusal, never the data. */
export function AuditorsOnly({ role }: { role: string }) {
  return (
    <div className="space-y-3">
      <h1 className="text-xl font-semibold">Auditors only</h1>
      <Alert variant="error">This page needs the auditor or admin role; you are signed in as {role}.</Alert>
    </div>
  );
}
