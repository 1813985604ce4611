import { apiRoute } from '@/app/_server/api';
import { getDb } from '@/lib/db/client';
import { testTargetConnection } from '@/lib/targets/test-target-connection';

export const POST = apiRoute(['admin'], async (_req, { actor, params }) =>
  testTargetConnection(getDb(), { actor, idOrName: params.id! }),
);
