'use server';

import { revalidatePath } from 'next/cache';
import { withRole } from '@/app/_server/action';
import { getDb } from '@/lib/db/client';
import { isOidcConfigured } from '@/lib/env';
import { updateAuthSettings } from '@/lib/settings/update-auth-settings';

export const updateAuthSettingsAction = withRole(['admin'], async (actor, formData) => {
  const settings = await updateAuthSettings(getDb(), {
    actor,
    input: { requireSso: formData.get('requireSso') === 'on', breakGlassEmail: formData.get('breakGlassEmail') ?? '' },
    isOidcConfigured: isOidcConfigured(),
  });
  revalidatePath('/settings');
  return {
    ok: true,
    message: settings.requireSso ? `Single sign-on is required; ${settings.breakGlassEmail} may still use a password` : 'Password sign-in is open to everyone',
  };
});
