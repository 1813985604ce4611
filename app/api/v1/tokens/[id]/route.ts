import { apiRoute } from '@/app/_server/api';
import { getDb } from '@/lib/db/client';
import { revokeAccessToken } from '@/lib/tokens/revoke-access-token';

export const DELETE = apiRoute('any', async (_req, { actor, params }) => ({
  revoked: await revokeAccessToken(getDb(), { actor, tokenId: params.id! }),
}));
