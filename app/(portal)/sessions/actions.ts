'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { withRole } from '@/app/_server/action';
import { getDb } from '@/lib/db/client';
import { parseInput } from '@/lib/validation';
import { terminateSessionSchema } from '@/lib/sessions/session-schemas';
import { terminateSession } from '@/lib/sessions/terminate-session';

const terminateFormSchema = terminateSessionSchema.extend({ sessionId: z.uuid('Missing session id') });

export const terminateSessionAction = withRole(['admin'], async (actor, formData) => {
  const { sessionId, reason } = parseInput(terminateFormSchema, { sessionId: formData.get('sessionId') ?? '', reason: formData.get('reason') ?? undefined });
  const { announced } = await terminateSession(getDb(), { actor, sessionId, reason: reason ?? undefined });
  revalidatePath(`/sessions/${sessionId}`);
  return {
    ok: true,
    message: announced ? 'Terminating: the gateway is closing the connection.' : 'Termination recorded; the gateway closes the connection within a few seconds.',
  };
});
