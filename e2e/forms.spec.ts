import { test, expect, gotoReady, seedToken, seedUser, signInViaApi, type SeededUser } from './fixtures';

let admin: SeededUser;

test.beforeAll(async () => {
  admin = await seedUser('admin');
});

test('a bad target form shows field errors, keeps what was typed and registers nothing', async ({ page }) => {
  await signInViaApi(page, admin);
  await gotoReady(page, '/targets/new');
  await page.getByLabel('Name', { exact: true }).fill('Bad Name!');
  await page.getByLabel('Host').fill('db.example.test');
  await page.getByLabel('Port').fill('70000');
  await page.getByLabel('Database').fill('app');
  await page.getByLabel('Username').fill('app');
  await page.getByLabel('Password').fill('whatever-password');
  await page.getByRole('button', { name: 'Register target' }).click();
  await expect(page.getByText('Port must be 1-65535', { exact: true })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: /lower-case letters, digits/ })).toBeVisible();
  await expect(page.getByLabel('Host')).toHaveValue('db.example.test');
  await expect(page).toHaveURL(/\/targets\/new$/);
  await page.goto('/targets');
  await expect(page.getByText('Bad Name!')).toHaveCount(0);
});

test("the portal's own store cannot be registered as a target", async ({ page }) => {
  await signInViaApi(page, admin);
  const store = new URL(process.env.DATABASE_URL!);
  await gotoReady(page, '/targets/new');
  await page.getByLabel('Name', { exact: true }).fill('own-store');
  await page.getByLabel('Host').fill('localhost');
  await page.getByLabel('Port').fill(store.port || '5432');
  await page.getByLabel('Database').fill(store.pathname.slice(1));
  await page.getByLabel('Username').fill('postgres');
  await page.getByLabel('Password').fill('anything-at-all');
  await page.getByRole('button', { name: 'Register target' }).click();
  await expect(page.getByText(/Gatehouse's own store/).first()).toBeVisible();
});

test('an admin creates a person with a generated password who can then sign in, and disables them', async ({ page, browser }) => {
  await signInViaApi(page, admin);
  await gotoReady(page, '/users');
  const email = `invitee-${Date.now().toString(36)}@e2e.test`;
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Name', { exact: true }).fill('Invited Person');
  await page.getByLabel('Role', { exact: true }).selectOption('approver');
  await page.getByRole('button', { name: 'Create user' }).click();
  const password = (await page.getByTestId('generated-password').textContent())!.trim();
  expect(password.length).toBeGreaterThanOrEqual(12);

  const invitee = await browser.newContext();
  const inviteePage = await invitee.newPage();
  await gotoReady(inviteePage, '/signin');
  await inviteePage.getByLabel('E-mail').fill(email);
  await inviteePage.getByLabel('Password').fill(password);
  await inviteePage.getByRole('button', { name: 'Sign in' }).click();
  await expect(inviteePage.getByTestId('current-user')).toHaveText(email);

  await page.reload();
  await page.getByRole('row', { name: new RegExp(email) }).getByRole('button', { name: 'Disable' }).click();
  await expect(page.getByRole('row', { name: new RegExp(email) }).getByRole('button', { name: 'Enable' })).toBeVisible();
  await inviteePage.goto('/tokens');
  await expect(inviteePage).toHaveURL(/\/signin/);
  await invitee.close();
});

test('session settings refuse nonsense and save limits', async ({ page, scratchTarget }) => {
  await signInViaApi(page, admin);
  const token = await seedToken(admin);
  const name = `limits-${Date.now().toString(36)}`;
  const created = await page.request.post('/api/v1/targets', {
    headers: { Authorization: `Bearer ${token}` },
    data: { name, host: scratchTarget.host, port: scratchTarget.port, database: scratchTarget.database, username: scratchTarget.username, password: scratchTarget.password, tlsMode: 'disable' },
  });
  expect(created.status()).toBe(201);
  await gotoReady(page, `/targets/${name}`);
  await page.getByLabel('Idle timeout (seconds)').fill('soon');
  await page.getByRole('button', { name: 'Save session settings' }).click();
  await expect(page.getByText('Idle timeout must be whole seconds').first()).toBeVisible();
  await page.getByLabel('Idle timeout (seconds)').fill('600');
  await page.getByLabel('Maximum session length (seconds)').fill('3600');
  await page.getByRole('button', { name: 'Save session settings' }).click();
  await expect(page.getByText('Saved: idle 600 s, max 3600 s')).toBeVisible();
  const stored = await page.request.get(`/api/v1/targets/${name}/session-settings`, { headers: { Authorization: `Bearer ${token}` } });
  expect((await stored.json()).settings).toEqual({ idleTimeoutSeconds: 600, maxSessionSeconds: 3600, strictReads: false, recordingRows: 20, retentionDays: null, approvalWebhookUrl: null });
});
