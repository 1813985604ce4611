import { z } from 'zod';

/** Queue and job names, and the payload of each job: ids only, never statement text or data. */
export const APPROVALS_QUEUE = 'approvals';
export const EXPIRE_APPROVAL_JOB = 'expire-approval';

export const NOTIFY_APPROVAL_JOB = 'notify-approval';

/** Both jobs carry the request id only; the worker reads the row. */
export const approvalJobPayload = z.strictObject({ requestId: z.uuid() });
export type ApprovalJobPayload = z.infer<typeof approvalJobPayload>;

/** Redis pub/sub channel on which decisions are announced to waiting gateways. */
export const approvalsChannel = (prefix: string) => `${prefix}:approvals`;

/** BullMQ's add() waits forever on a dead Redis: every enqueue gets its own deadline. */
export function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
