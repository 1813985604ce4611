'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { withRole } from '@/app/_server/action';
import { getDb } from '@/lib/db/client';
import { parseInput } from '@/lib/validation';
import { createTokenSchema } from '@/lib/tokens/token-schemas';
import { createAccessToken } from '@/lib/tokens/create-access-token';
import { revokeAccessToken } from '@/lib/tokens/revoke-access-token';

const revokeTokenSchema = z.object({ tokenId: z.string().min(1, 'Missing token id') });

/** Returns the token text once, in this response only; it is not stored anywhere readable. */
export const createTokenAction = withRole<{ token: string }>('any', async (actor, formData) => {
  const input = parseInput(createTokenSchema, {
    name: formData.get('name') ?? '',
    expiresIn: formData.get('expiresIn') ?? undefined,
    targets: formData.getAll('targets'),
    userEmail: formData.get('userEmail') || undefined,
  });
  const { token, record } = await createAccessToken(getDb(), { actor, input });
  revalidatePath('/tokens');
  return { ok: true, message: `Created token ${record.name} for ${record.userEmail}`, data: { token } };
});

export const revokeTokenAction = withRole('any', async (actor, formData) => {
  const { tokenId } = parseInput(revokeTokenSchema, Object.fromEntries(formData));
  await revokeAccessToken(getDb(), { actor, tokenId });
  revalidatePath('/tokens');
  return { ok: true, message: 'Revoked' };
});
