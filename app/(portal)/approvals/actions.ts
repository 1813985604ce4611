'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { withRole } from '@/app/_server/action';
import { getDb } from '@/lib/db/client';
import { parseInput } from '@/lib/validation';
import { decideApproval } from '@/lib/approvals/decide-approval';

const decisionFormSchema = z.object({
  requestId: z.uuid('Missing request id'),
  reason: z.string().optional(),
});

const APPROVERS = ['approver', 'admin'] as const;

/** Whether the reason is present is the domain's rule (decideApproval), so its message is the one shown. */
function decide(decision: 'approve' | 'deny') {
  return withRole(APPROVERS, async (actor, formData) => {
    const { requestId, reason } = parseInput(decisionFormSchema, {
      requestId: formData.get('requestId') ?? '',
      reason: formData.get('reason') ?? undefined,
    });
    const { request, isFinal } = await decideApproval(getDb(), { actor, requestId, decision, reason });
    revalidatePath('/approvals');
    revalidatePath(`/approvals/${requestId}`);
    if (!isFinal) return { ok: true, message: 'Your approval is recorded; more approvals are needed.' };
    return { ok: true, message: request.status === 'approved' ? 'Approved' : `Denied: ${request.decisionReason ?? reason ?? ''}` };
  });
}

export const approveAction = decide('approve');
export const denyAction = decide('deny');
