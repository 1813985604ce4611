import { Alert } from '@/components/ui/alert';

/** What someone without the approver or admin role sees on an approvals page: the refusal, never the data. */
export function ApproversOnly({ role }: { role: string }) {
  return (
    <div className="space-y-3">
      <h1 className="text-xl font-semibold">Approvers only</h1>
      <Alert variant="error">This page needs the approver or admin role; you are signed in as {role}.</Alert>
    </div>
  );
}
