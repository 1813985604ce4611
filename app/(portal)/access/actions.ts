'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { withRole } from '@/app/_server/action';
import { getDb } from '@/lib/db/client';
import { parseInput } from '@/lib/validation';
import { requestAccessGrant } from '@/lib/access-grants/request-access-grant';
import type { RequestAccessGrantInput } from '@/lib/access-grants/access-grant-schemas';
import { decideAccessGrant } from '@/lib/access-grants/decide-access-grant';
import { revokeAccessGrant } from '@/lib/access-grants/revoke-access-grant';
import { GRANT_DECIDER_ROLES } from '@/lib/access-grants/grant-visibility';

const grantFormSchema = z.object({
  grantId: z.uuid('Missing grant id'),
  reason: z.string().optional(),
});

export const requestAccessAction = withRole('any', async (actor, formData) => {
  const grant = await requestAccessGrant(getDb(), {
    actor,
    input: {
      target: formData.get('target') ?? '',
      role: formData.get('role') ?? '',
      durationMinutes: formData.get('durationMinutes') ?? '',
      reason: formData.get('reason') ?? '',
    } as RequestAccessGrantInput,
  });
  revalidatePath('/access');
  return { ok: true, message: `Requested ${grant.role} on ${grant.targetName}; an approver will decide.` };
});

/** Whether a reason is needed is the domain's rule (decideAccessGrant), so its message is the one shown. */
function decide(decision: 'approve' | 'deny') {
  return withRole(GRANT_DECIDER_ROLES, async (actor, formData) => {
    const { grantId, reason } = parseInput(grantFormSchema, { grantId: formData.get('grantId') ?? '', reason: formData.get('reason') ?? undefined });
    const grant = await decideAccessGrant(getDb(), { actor, grantId, decision, reason });
    revalidatePath('/access');
    return { ok: true, message: grant.status === 'approved' ? `Approved ${grant.role} for ${grant.userEmail}` : 'Denied' };
  });
}

export const approveAccessAction = decide('approve');
export const denyAccessAction = decide('deny');

export const revokeAccessAction = withRole(GRANT_DECIDER_ROLES, async (actor, formData) => {
  const { grantId } = parseInput(grantFormSchema, { grantId: formData.get('grantId') ?? '' });
  await revokeAccessGrant(getDb(), { actor, grantId });
  revalidatePath('/access');
  return { ok: true, message: 'Revoked' };
});
