import { NextResponse } from 'next/server';
import { apiRoute, readJson } from '@/app/_server/api';
import { getDb } from '@/lib/db/client';
import { listAccessTokens } from '@/lib/tokens/list-access-tokens';
import { createAccessToken } from '@/lib/tokens/create-access-token';
import type { CreateTokenInput } from '@/lib/tokens/token-schemas';

export const GET = apiRoute('any', async (_req, { actor }) => ({ tokens: await listAccessTokens(getDb(), { actor }) }));

export const POST = apiRoute('any', async (req, { actor }) => {
  const input = (await readJson(req)) as CreateTokenInput;
  const { token, record } = await createAccessToken(getDb(), { actor, input });
  return NextResponse.json({ token, record }, { status: 201 });
});
