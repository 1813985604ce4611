'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { withRole, type ActionState } from '@/app/_server/action';
import { getDb } from '@/lib/db/client';
import { parseInput } from '@/lib/validation';
import { createTargetSchema, updateTargetSchema } from '@/lib/targets/target-schemas';
import { createTarget } from '@/lib/targets/create-target';
import { updateTarget } from '@/lib/targets/update-target';
import { deleteTarget } from '@/lib/targets/delete-target';
import { testTargetConnection } from '@/lib/targets/test-target-connection';
import { updateTargetSessionSettings } from '@/lib/policy/target-policy';

const targetIdSchema = z.object({ id: z.string().min(1, 'Missing target id') });

type Named = { name: string };

const create = withRole<Named>(['admin'], async (actor, formData) => {
  const input = parseInput(createTargetSchema, Object.fromEntries(formData));
  const target = await createTarget(getDb(), { actor, input });
  revalidatePath('/targets');
  return { ok: true, message: `Registered ${target.name}`, data: { name: target.name } };
});

const update = withRole<Named>(['admin'], async (actor, formData) => {
  const fields = Object.fromEntries(formData);
  const { id } = parseInput(targetIdSchema, fields);
  const target = await updateTarget(getDb(), { actor, idOrName: id, input: parseInput(updateTargetSchema, fields) });
  revalidatePath('/targets', 'layout');
  return { ok: true, message: `Saved ${target.name}`, data: { name: target.name } };
});

const remove = withRole(['admin'], async (actor, formData) => {
  const { id } = parseInput(targetIdSchema, Object.fromEntries(formData));
  const deleted = await deleteTarget(getDb(), { actor, idOrName: id });
  revalidatePath('/targets', 'layout');
  return { ok: true, message: `Deleted ${deleted.name}` };
});

/* The actions that navigate do so only after the role-checked call has returned successfully. */

export async function createTargetAction(prev: ActionState<Named>, formData: FormData): Promise<ActionState<Named>> {
  const state = await create(prev, formData);
  if (state.ok && state.data) redirect(`/targets/${encodeURIComponent(state.data.name)}`);
  return state;
}

/** A rename moves the page, so only then does saving navigate. */
export async function updateTargetAction(prev: ActionState<Named>, formData: FormData): Promise<ActionState<Named>> {
  const state = await update(prev, formData);
  if (state.ok && state.data && state.data.name !== formData.get('previousName')) {
    redirect(`/targets/${encodeURIComponent(state.data.name)}`);
  }
  return state;
}

export async function deleteTargetAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await remove(prev, formData);
  if (state.ok) redirect('/targets');
  return state;
}

export const testTargetConnectionAction = withRole(['admin'], async (actor, formData) => {
  const { id } = parseInput(targetIdSchema, Object.fromEntries(formData));
  const result = await testTargetConnection(getDb(), { actor, idOrName: id });
  return result.ok
    ? { ok: true, message: `Connected: PostgreSQL ${result.serverVersion} in ${result.latencyMs} ms` }
    : { ok: false, message: `Connection failed: ${result.error}` };
});

/** Empty boxes mean "no limit" (or the default); anything else must parse as a whole number (the schema says how). */
function wholeNumberField(value: FormDataEntryValue | null): number | null | string {
  const text = String(value ?? '').trim();
  if (text === '') return null;
  return /^\d+$/.test(text) ? Number(text) : text;
}

export const updateSessionSettingsAction = withRole(['admin'], async (actor, formData) => {
  const { id } = parseInput(targetIdSchema, Object.fromEntries(formData));
  const settings = await updateTargetSessionSettings(getDb(), {
    actor,
    idOrName: id,
    settings: {
      idleTimeoutSeconds: wholeNumberField(formData.get('idleTimeoutSeconds')),
      maxSessionSeconds: wholeNumberField(formData.get('maxSessionSeconds')),
      strictReads: formData.get('strictReads') === 'on',
      recordingRows: wholeNumberField(formData.get('recordingRows')) ?? undefined,
      retentionDays: wholeNumberField(formData.get('retentionDays')),
      approvalWebhookUrl: String(formData.get('approvalWebhookUrl') ?? '').trim() || null,
    },
  });
  revalidatePath('/targets', 'layout');
  const limits = [settings.idleTimeoutSeconds && `idle ${settings.idleTimeoutSeconds} s`, settings.maxSessionSeconds && `max ${settings.maxSessionSeconds} s`].filter(Boolean);
  const kept = `${settings.recordingRows} rows per statement recorded, kept ${settings.retentionDays ? `${settings.retentionDays} days` : 'forever'}`;
  return { ok: true, message: `Saved: ${limits.length ? limits.join(', ') : 'no session limits'}${settings.strictReads ? ', strict audit' : ''}; ${kept}` };
});
