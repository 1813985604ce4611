import { NextResponse } from 'next/server';
import { apiRoute, readJson } from '@/app/_server/api';
import { getDb } from '@/lib/db/client';
import { listAccessGrants } from '@/lib/access-grants/list-access-grants';
import { requestAccessGrant } from '@/lib/access-grants/request-access-grant';
import type { ListAccessGrantsInput, RequestAccessGrantInput } from '@/lib/access-grants/access-grant-schemas';

export const GET = apiRoute('any', async (req, { actor }) => {
  const query = Object.fromEntries(new URL(req.url).searchParams) as ListAccessGrantsInput;
  return { grants: await listAccessGrants(getDb(), { actor, ...query }) };
});

export const POST = apiRoute('any', async (req, { actor }) => {
  const input = (await readJson(req)) as RequestAccessGrantInput;
  const grant = await requestAccessGrant(getDb(), { actor, input });
  return NextResponse.json({ grant }, { status: 201 });
});
