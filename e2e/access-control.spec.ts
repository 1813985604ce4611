import { test, expect, gotoReady, seedUser, seedToken, signInViaApi, type SeededUser } from './fixtures';

let admin: SeededUser;
let user: SeededUser;

test.beforeAll(async () => {
  admin = await seedUser('admin');
  user = await seedUser('user');
});

test('a non-admin sees no targets page', async ({ page }) => {
  await signInViaApi(page, user);
  await page.goto('/targets');
  await expect(page.getByRole('heading', { name: 'Admins only' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Register target' })).toHaveCount(0);
  await gotoReady(page, '/targets/new');
  await expect(page.getByRole('heading', { name: 'Admins only' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Targets' })).toHaveCount(0);
});

test("a non-admin's call to the create-target action is refused by the action itself", async ({ page, browser, scratchTarget }) => {
  await signInViaApi(page, admin);
  await gotoReady(page, '/targets/new');

  // Swap this page's session for the non-admin's, then submit the admin's form: the request
  // reaches the server action with the non-admin's cookie, so only the action's own check stands.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signInViaApi(otherPage, user);
  const userCookies = await other.cookies();
  await other.close();
  await page.context().clearCookies();
  await page.context().addCookies(userCookies);

  const name = `sneaky-${Date.now().toString(36)}`;
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Host').fill(scratchTarget.host);
  await page.getByLabel('Port').fill(String(scratchTarget.port));
  await page.getByLabel('Database').fill(scratchTarget.database);
  await page.getByLabel('Username').fill(scratchTarget.username);
  await page.getByLabel('Password').fill(scratchTarget.password);
  await page.getByRole('button', { name: 'Register target' }).click();
  await expect(page.getByText('This needs the admin role; you are user.')).toBeVisible();

  const token = await seedToken(admin);
  const check = await page.request.get(`/api/v1/targets/${name}`, { headers: { Authorization: `Bearer ${token}` } });
  expect(check.status()).toBe(404);
});

test('the API answers 401 and 403 as JSON and refuses cross-origin cookie writes', async ({ page, request }) => {
  const anonymous = await request.get('/api/v1/targets');
  expect(anonymous.status()).toBe(401);
  expect((await anonymous.json()).error.code).toBe('UNAUTHORIZED');

  const bogus = await request.get('/api/v1/targets', { headers: { Authorization: 'Bearer ghk_not-a-real-token-at-all-000000000000000000' } });
  expect(bogus.status()).toBe(401);
  expect((await bogus.json()).error.message).toBe('Unknown access token');

  const userToken = await seedToken(user);
  const forbidden = await request.post('/api/v1/targets', {
    headers: { Authorization: `Bearer ${userToken}` },
    data: { name: 'x', host: 'h', port: 5432, database: 'd', username: 'u', password: 'p' },
  });
  expect(forbidden.status()).toBe(403);
  expect((await forbidden.json()).error.code).toBe('FORBIDDEN');

  await signInViaApi(page, admin);
  const crossSite = await page.request.post('/api/v1/targets', {
    headers: { Origin: 'https://evil.example' },
    data: { name: 'csrf-target', host: 'h', port: 5432, database: 'd', username: 'u', password: 'p' },
  });
  expect(crossSite.status()).toBe(403);
});

test('bad API input gets 422 with field errors and changes nothing', async ({ request }) => {
  const token = await seedToken(admin);
  const headers = { Authorization: `Bearer ${token}` };
  const before = (await (await request.get('/api/v1/targets', { headers })).json()).targets.length;
  const bad = await request.post('/api/v1/targets', { headers, data: { name: 'Bad Name', host: 'h', port: 99999, database: '', username: 'u', password: '' } });
  expect(bad.status()).toBe(422);
  const { error } = await bad.json();
  expect(Object.keys(error.fieldErrors).sort()).toEqual(['database', 'name', 'password', 'port']);
  const notJson = await request.post('/api/v1/targets', { headers: { ...headers, 'Content-Type': 'application/json' }, data: Buffer.from('{oops') });
  expect(notJson.status()).toBe(400);
  const after = (await (await request.get('/api/v1/targets', { headers })).json()).targets.length;
  expect(after).toBe(before);
});
