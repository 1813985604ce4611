import { RoleRequired } from '@/components/auth/role-required';

/** What someone without the auditor or admin role sees on the audit page. */
export function AuditorsOnly({ role }: { role: string }) {
  return <RoleRequired title="Auditors only" needs="auditor or admin role" role={role} />;
}
