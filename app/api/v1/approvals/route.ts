import { apiRoute } from '@/app/_server/api';
import { getDb } from '@/lib/db/client';
import { listApprovalRequests } from '@/lib/approvals/list-approval-requests';
import type { ListApprovalRequestsInput } from '@/lib/approvals/approval-schemas';

export const GET = apiRoute('any', async (req, { actor }) => {
  const query = Object.fromEntries(new URL(req.url).searchParams) as ListApprovalRequestsInput;
  return { approvals: await listApprovalRequests(getDb(), { actor, ...query }) };
});
