import { apiRoute, readJson } from '@/app/_server/api';
import { getDb } from '@/lib/db/client';
import { getTarget } from '@/lib/targets/list-targets';
import { updateTarget } from '@/lib/targets/update-target';
import { deleteTarget } from '@/lib/targets/delete-target';
import type { UpdateTargetInput } from '@/lib/targets/target-schemas';

export const GET = apiRoute('any', async (_req, { actor, params }) => ({
  target: await getTarget(getDb(), { actor, idOrName: params.id! }),
}));

const update = apiRoute(['admin'], async (req, { actor, params }) => {
  const input = (await readJson(req)) as UpdateTargetInput;
  return { target: await updateTarget(getDb(), { actor, idOrName: params.id!, input }) };
});
export { update as PATCH, update as PUT };

export const DELETE = apiRoute(['admin'], async (_req, { actor, params }) => ({
  deleted: await deleteTarget(getDb(), { actor, idOrName: params.id! }),
}));
