import { RoleRequired } from '@/components/auth/role-required';

/** What someone without the approver or admin role sees on an approvals page. */
export function ApproversOnly({ role }: { role: string }) {
  return <RoleRequired title="Approvers only" needs="approver or admin role" role={role} />;
}
