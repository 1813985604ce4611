import { test, expect, gotoReady, seedToken, seedUser, signInViaApi, type SeededUser } from './fixtures';

let admin: SeededUser;
let approver: SeededUser;
let user: SeededUser;
let adminToken: string;

test.beforeAll(async () => {
  [admin, approver, user] = [await seedUser('admin'), await seedUser('approver'), await seedUser('user')];
  adminToken = await seedToken(admin);
});

test('a user asks for 1h of admin on a target; an approver approves; the grant shows as active', async ({ page, browser, scratchTarget }) => {
  const name = `access-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  const created = await page.request.post('/api/v1/targets', {
    headers: { Authorization: `Bearer ${adminToken}` },
    data: {
      name,
      host: scratchTarget.host,
      port: scratchTarget.port,
      database: scratchTarget.database,
      username: scratchTarget.username,
      password: scratchTarget.password,
      tlsMode: 'disable',
    },
  });
  expect(created.status()).toBe(201);

  await signInViaApi(page, user);
  await gotoReady(page, '/access');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Access' })).toBeVisible();
  await expect(page.getByText('Waiting for a decision')).toHaveCount(0);
  await page.getByLabel('Target').selectOption(name);
  await page.getByLabel('Role').selectOption('admin');
  await page.getByLabel('Duration').selectOption({ label: '1 hour' });
  await page.getByRole('button', { name: 'Request access' }).click();
  await expect(page.getByText('Say why you need this access', { exact: true })).toBeVisible();
  await page.getByLabel('Reason').fill('Incident 4711: repair stuck payouts');
  await page.getByRole('button', { name: 'Request access' }).click();
  await expect(page.getByText(`Requested admin on ${name}`)).toBeVisible();
  const mine = page.getByTestId(/^my-grant-/).filter({ hasText: name });
  await expect(mine.getByTestId('grant-state')).toHaveText('pending');

  const approverContext = await browser.newContext();
  const approverPage = await approverContext.newPage();
  await signInViaApi(approverPage, approver);
  await gotoReady(approverPage, '/access');
  const card = approverPage.getByTestId(/^pending-grant-/).filter({ hasText: user.email }).filter({ hasText: name });
  await expect(card).toContainText(`asks for admin on ${name} for 1h`);
  await expect(card.getByTestId('grant-reason')).toHaveText('Incident 4711: repair stuck payouts');
  await card.getByRole('button', { name: 'Approve' }).click();
  await expect(card).toHaveCount(0);
  const active = approverPage.getByTestId(/^active-grant-/).filter({ hasText: user.email });
  await expect(active).toContainText(name);
  await expect(active.getByRole('button', { name: /^Revoke/ })).toBeVisible();
  await approverContext.close();

  await gotoReady(page, '/access');
  await expect(mine.getByTestId('grant-state')).toHaveText('active');
  await expect(mine.getByTestId('grant-time-left')).toHaveText(/^(59m \d{2}s|1h 00m) left$/);
  await expect(mine).toContainText(approver.email);
});
