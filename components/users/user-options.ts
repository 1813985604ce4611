import type { PublicUser } from '@/lib/users/public-user';
import type { SelectOption } from '@/components/ui/select';

/** People to choose from by id, labelled with e-mail and role so that namesakes and disabled accounts stand out. */
export function userSelectOptions(users: readonly PublicUser[]): SelectOption[] {
  return users.map((u) => ({ value: u.id, label: `${u.email} (${u.role})${u.disabledAt ? ', disabled' : ''}` }));
}
