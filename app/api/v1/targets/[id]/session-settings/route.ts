import { apiRoute, readJson } from '@/app/_server/api';
import { getDb } from '@/lib/db/client';
import { getTargetRow } from '@/lib/targets/get-target';
import { getTargetPolicy, updateTargetSessionSettings } from '@/lib/policy/target-policy';

export const GET = apiRoute('any', async (_req, { params }) => {
  const target = await getTargetRow(getDb(), params.id!);
  return { settings: (await getTargetPolicy(getDb(), target.id)).settings };
});

export const PUT = apiRoute(['admin'], async (req, { actor, params }) => ({
  settings: await updateTargetSessionSettings(getDb(), { actor, idOrName: params.id!, settings: await readJson(req) }),
}));
