import { NextResponse } from 'next/server';
import { apiRoute, readJson } from '@/app/_server/api';
import { getDb } from '@/lib/db/client';
import { listTargets } from '@/lib/targets/list-targets';
import { createTarget } from '@/lib/targets/create-target';
import type { CreateTargetInput } from '@/lib/targets/target-schemas';

export const GET = apiRoute('any', async (_req, { actor }) => ({ targets: await listTargets(getDb(), { actor }) }));

export const POST = apiRoute(['admin'], async (req, { actor }) => {
  const input = (await readJson(req)) as CreateTargetInput;
  const target = await createTarget(getDb(), { actor, input });
  return NextResponse.json({ target }, { status: 201 });
});
