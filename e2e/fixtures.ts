import { randomBytes } from 'node:crypto';
import { test as base, expect, type Page } from '@playwright/test';
import { CLI_ACTOR } from '../lib/auth/actor';
import { getDb, closeDb } from '../lib/db/client';
import type { Role } from '../lib/db/schema';
import { createUser } from '../lib/users/create-user';
import { createAccessToken } from '../lib/tokens/create-access-token';
import { createScratchTarget, dropScratchTarget, type ScratchTarget } from '../test/scratch-target';

export type SeededUser = { id: string; email: string; password: string; role: Role };

/** Each spec seeds its own uniquely named people straight into the run's store. */
export async function seedUser(role: Role): Promise<SeededUser> {
  const email = `${role}-${randomBytes(4).toString('hex')}@e2e.test`;
  const password = `pw-${randomBytes(9).toString('base64url')}`;
  const { user } = await createUser(getDb(), { actor: CLI_ACTOR, input: { email, role, password } });
  return { id: user.id, email, password, role };
}

export async function seedToken(user: SeededUser, name = 'e2e'): Promise<string> {
  return (await createAccessToken(getDb(), { actor: CLI_ACTOR, input: { name, userEmail: user.email } })).token;
}

/** Signs in through next-auth's credentials endpoint, for specs where the sign-in form is not under test. */
export async function signInViaApi(page: Page, user: SeededUser): Promise<void> {
  const { csrfToken } = (await (await page.request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const res = await page.request.post('/api/auth/callback/credentials', {
    form: { csrfToken, email: user.email, password: user.password, json: 'true' },
  });
  expect(res.ok()).toBeTruthy();
  const cookies = await page.context().cookies();
  expect(cookies.some((c) => c.name.endsWith('next-auth.session-token'))).toBeTruthy();
}

/** Navigates and waits until the page's scripts have loaded, so typing is not lost to hydration. */
export async function gotoReady(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForLoadState('networkidle');
}

type WorkerFixtures = { scratchTarget: ScratchTarget };

export const test = base.extend<object, WorkerFixtures>({
  scratchTarget: [
    async ({}, use) => {
      const target = await createScratchTarget(process.env.DATABASE_URL!);
      await use(target);
      await dropScratchTarget(target);
      await closeDb();
    },
    { scope: 'worker' },
  ],
});

export { expect };
