import { apiRoute } from '@/app/_server/api';
import { getDb } from '@/lib/db/client';
import { revokeAccessGrant } from '@/lib/access-grants/revoke-access-grant';

export const POST = apiRoute(['approver', 'admin'], async (_req, { actor, params }) => ({
  grant: await revokeAccessGrant(getDb(), { actor, grantId: params.id! }),
}));
