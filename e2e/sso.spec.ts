import type { Page } from '@playwright/test';
import { test, expect, gotoReady, seedUser, signInViaApi } from './fixtures';
import { ssoAccounts } from './global-setup';
import { CLI_ACTOR } from '../lib/auth/actor';
import { getDb } from '../lib/db/client';
import { createUser } from '../lib/users/create-user';
import { findUserByEmail } from '../lib/users/get-user';
import { updateAuthSettings } from '../lib/settings/update-auth-settings';

const accounts = ssoAccounts();

/** Through the real provider's own pages: its devInteractions login takes any password, then asks for consent. */
async function signInWithSso(page: Page, login: string): Promise<void> {
  await gotoReady(page, '/signin');
  await page.getByRole('button', { name: 'Continue with Single sign-on' }).click();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password at all');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

async function signInWithPassword(page: Page, email: string, password: string): Promise<void> {
  await gotoReady(page, '/signin');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

test.afterAll(async () => {
  await updateAuthSettings(getDb(), { actor: CLI_ACTOR, input: { requireSso: false, breakGlassEmail: null }, isOidcConfigured: true });
});

test('a person an admin created signs in through the identity provider and gets the role its groups map to', async ({ page }) => {
  await createUser(getDb(), { actor: CLI_ACTOR, input: { email: accounts.oncall.email, role: 'user' } });
  await signInWithSso(page, accounts.oncall.login);
  await expect(page.getByTestId('current-user')).toHaveText(accounts.oncall.email);
  // e2e-oncall (approver) outranks e2e-auditors (auditor).
  await expect(page.getByRole('banner').getByText('approver', { exact: true })).toBeVisible();
  expect((await findUserByEmail(getDb(), accounts.oncall.email))?.role).toBe('approver');
});

test('a first single sign-on creates the person when a group maps them; no mapped group is refused with the reason', async ({ browser }) => {
  const newcomer = await browser.newPage();
  await signInWithSso(newcomer, accounts.newcomer.login);
  await expect(newcomer.getByTestId('current-user')).toHaveText(accounts.newcomer.email);
  await expect(newcomer.getByRole('banner').getByText('auditor', { exact: true })).toBeVisible();

  await createUser(getDb(), { actor: CLI_ACTOR, input: { email: accounts.outsider.email, role: 'approver' } });
  const outsider = await browser.newPage();
  await signInWithSso(outsider, accounts.outsider.login);
  await expect(outsider).toHaveURL(/\/signin\?error=SsoNoGroup/);
  await expect(outsider.getByRole('alert').filter({ hasText: 'none of your groups gives a Gatehouse role' })).toBeVisible();
  await expect(outsider.getByTestId('current-user')).toHaveCount(0);
});

test('with SSO required, a normal admin cannot use a password but the break-glass admin can', async ({ page, browser }) => {
  const breakGlass = await seedUser('admin');
  const admin = await seedUser('admin');
  await signInViaApi(page, breakGlass);
  await gotoReady(page, '/settings');
  await page.getByLabel(/Require Single sign-on/).check();
  await page.getByLabel('Break-glass admin', { exact: true }).fill(breakGlass.email);
  await page.getByRole('button', { name: 'Save sign-in settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: `${breakGlass.email} may still use a password` })).toBeVisible();

  const refused = await browser.newPage();
  await gotoReady(refused, '/signin');
  const sso = refused.getByRole('button', { name: 'Continue with Single sign-on' });
  const password = refused.getByRole('button', { name: 'Sign in', exact: true });
  expect((await sso.boundingBox())!.y).toBeLessThan((await password.boundingBox())!.y);
  await signInWithPassword(refused, admin.email, admin.password);
  await expect(refused.getByRole('alert').filter({ hasText: 'Password sign-in is turned off: sign in with Single sign-on' })).toBeVisible();
  await expect(refused.getByTestId('current-user')).toHaveCount(0);

  const allowed = await browser.newPage();
  await signInWithPassword(allowed, breakGlass.email, breakGlass.password);
  await expect(allowed.getByTestId('current-user')).toHaveText(breakGlass.email);
});
