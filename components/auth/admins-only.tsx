import { RoleRequired } from './role-required';

/** What a non-admin sees on an admin page. */
export function AdminsOnly({ role }: { role: string }) {
  return <RoleRequired title="Admins only" needs="admin role" role={role} />;
}
