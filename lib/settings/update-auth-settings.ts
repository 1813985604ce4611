import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client';
import { portalSettings, users } from '../db/schema';
import { AppError } from '../errors';
import { assertRole, type Actor } from '../auth/actor';
import { parseInput } from '../validation';
import { appendAuditEvent } from '../audit/append-audit-event';
import { fieldChanges } from '../audit/audit-details';
import { AUTH_SETTINGS_KEY, authSettingsSchema, getAuthSettings, type AuthSettings } from './auth-settings';

export const updateAuthSettingsSchema = authSettingsSchema.extend({
  breakGlassEmail: z.preprocess((v) => (v === '' ? null : v), authSettingsSchema.shape.breakGlassEmail),
});
export type UpdateAuthSettingsInput = z.input<typeof updateAuthSettingsSchema>;

/**
 * Saves the sign-in settings. Requiring SSO needs a configured provider and a break-glass admin
 * (an active person with the admin role and a password), so an identity-provider outage cannot
 * lock everyone out. The break-glass row is locked while saving so it cannot be demoted or
 * disabled in between; the change and its audit event commit together.
 */
export async function updateAuthSettings(
  db: Db,
  options: { actor: Actor; input: UpdateAuthSettingsInput; isOidcConfigured: boolean },
): Promise<AuthSettings> {
  assertRole(options.actor, ['admin']);
  const input = parseInput(updateAuthSettingsSchema, options.input);
  if (input.requireSso && !options.isOidcConfigured) {
    throw new AppError('INVALID_INPUT', 'Single sign-on is not configured (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET), so it cannot be required', {
      fieldErrors: { requireSso: ['Configure an OIDC provider first'] },
    });
  }
  if (input.requireSso && !input.breakGlassEmail) {
    throw new AppError('INVALID_INPUT', 'Requiring single sign-on needs a break-glass admin who can still sign in with a password', {
      fieldErrors: { breakGlassEmail: ['Name the break-glass admin'] },
    });
  }
  return db.transaction(async (tx) => {
    if (input.breakGlassEmail) {
      const [admin] = await tx.select().from(users).where(eq(users.email, input.breakGlassEmail)).for('share');
      const problem = !admin
        ? 'No user has this e-mail'
        : admin.kind !== 'human'
          ? 'This is a service identity, not a person'
          : admin.disabledAt
            ? 'This user is disabled'
            : admin.role !== 'admin'
              ? `This user is ${admin.role}, not admin`
              : !admin.passwordHash
                ? 'This admin has no password to sign in with'
                : null;
      if (problem) throw new AppError('INVALID_INPUT', `Break-glass admin: ${problem}`, { fieldErrors: { breakGlassEmail: [problem] } });
    }
    const before = await getAuthSettings(tx);
    await tx
      .insert(portalSettings)
      .values({ key: AUTH_SETTINGS_KEY, value: input, updatedById: options.actor.id })
      .onConflictDoUpdate({ target: portalSettings.key, set: { value: input, updatedById: options.actor.id, updatedAt: sql`now()` } });
    const changes = fieldChanges(before, input, ['requireSso', 'breakGlassEmail']);
    await appendAuditEvent(tx, {
      actor: options.actor,
      action: 'portal.settings_changed',
      subjectType: 'portal_settings',
      subjectId: AUTH_SETTINGS_KEY,
      summary: `${options.actor.email} ${describe(input, changes)}`,
      details: { key: AUTH_SETTINGS_KEY, changes },
    });
    return input;
  });
}

function describe(settings: AuthSettings, changes: Record<string, unknown>): string {
  if (Object.keys(changes).length === 0) return 'saved the sign-in settings unchanged';
  if (!settings.requireSso) return `${'requireSso' in changes ? 'stopped requiring' : 'changed the sign-in settings; not requiring'} single sign-on`;
  return `required single sign-on, with ${settings.breakGlassEmail} as the break-glass admin`;
}
