import { Alert } from '@/components/ui/alert';

/** What someone without the needed role sees on a page: the refusal, never the data. */
export function RoleRequired({ title, needs, role }: { title: string; needs: string; role: string }) {
  return (
    <div className="space-y-3">
      <h1 className="text-xl font-semibold">{title}</h1>
      <Alert variant="error">
        This page needs the {needs}; you are signed in as {role}.
      </Alert>
    </div>
  );
}
