import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client';
import { portalSettings } from '../db/schema';
import { AppError } from '../errors';
import { emailSchema } from '../users/user-schemas';

export const AUTH_SETTINGS_KEY = 'auth';

/** How people sign in to the portal: stored as the `auth` row of portal_settings. */
export const authSettingsSchema = z.object({
  requireSso: z.boolean(),
  breakGlassEmail: emailSchema.nullable(),
});
export type AuthSettings = z.infer<typeof authSettingsSchema>;

export const DEFAULT_AUTH_SETTINGS: AuthSettings = { requireSso: false, breakGlassEmail: null };

/**
 * The stored sign-in settings, or the defaults when an admin never saved any. A stored value that
 * does not parse is an error, not the defaults: falling back would quietly allow passwords again.
 */
export async function getAuthSettings(db: Db): Promise<AuthSettings> {
  const [row] = await db.select({ value: portalSettings.value }).from(portalSettings).where(eq(portalSettings.key, AUTH_SETTINGS_KEY));
  if (!row) return DEFAULT_AUTH_SETTINGS;
  const parsed = authSettingsSchema.safeParse(row.value);
  if (!parsed.success) throw new AppError('INTERNAL', 'The stored sign-in settings (portal_settings "auth") are not valid; save them again on /settings');
  return parsed.data;
}

/** Whether password sign-in is open to this person under the settings. */
export function isPasswordSignInAllowed(settings: AuthSettings, user: { email: string; role: string }): boolean {
  return !settings.requireSso || (user.email === settings.breakGlassEmail && user.role === 'admin');
}
