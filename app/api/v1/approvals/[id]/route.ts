import { apiRoute } from '@/app/_server/api';
import { getDb } from '@/lib/db/client';
import { getApprovalRequest } from '@/lib/approvals/get-approval-request';

export const GET = apiRoute('any', async (_req, { actor, params }) => ({
  approval: await getApprovalRequest(getDb(), { actor, id: params.id! }),
}));
