import { Alert } from '@/components/ui/alert';

/** What a non-admin sees on an admin page: the refusal, never the data. */
export function AdminsOnly({ role }: { role: string }) {
  return (
    <div className="space-y-3">
      <h1 className="text-xl font-semibold">Admins only</h1>
      <Alert variant="error">This page needs the admin role; you are signed in as {role}.</Alert>
    </div>
  );
}
