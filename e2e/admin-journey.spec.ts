import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { test, expect, gotoReady, seedUser, type SeededUser } from './fixtures';

const run = promisify(execFile);

let admin: SeededUser;

test.beforeAll(async () => {
  admin = await seedUser('admin');
});

test('an admin registers a target, tests its connection, creates a token and signs out', async ({ page, scratchTarget }) => {
  await page.goto('/targets');
  await expect(page).toHaveURL(/\/signin/);
  await page.waitForLoadState('networkidle');
  await page.getByLabel('E-mail').fill(admin.email);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Wrong e-mail or password')).toBeVisible();
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('current-user')).toHaveText(admin.email);

  const name = `orders-${Date.now().toString(36)}`;
  await gotoReady(page, '/targets/new');
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Host').fill(scratchTarget.host);
  await page.getByLabel('Port').fill(String(scratchTarget.port));
  await page.getByLabel('Database').fill(scratchTarget.database);
  await page.getByLabel('Username').fill(scratchTarget.username);
  await page.getByLabel('Password').fill(scratchTarget.password);
  await page.getByLabel('TLS mode').selectOption('disable');
  await page.getByRole('button', { name: 'Register target' }).click();
  await expect(page).toHaveURL(new RegExp(`/targets/${name}$`));

  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByTestId('connection-result')).toContainText(/Connected: PostgreSQL \d+/);
  expect(await page.content()).not.toContain(scratchTarget.password);

  await gotoReady(page, '/tokens');
  await page.getByLabel('Name', { exact: true }).fill('ci pipeline');
  await page.getByLabel('Expires in').selectOption('7d');
  await page.getByRole('checkbox', { name }).check();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('ci pipeline');
  await page.getByRole('button', { name: 'Create token' }).click();
  const token = (await page.getByTestId('new-token').textContent())!.trim();
  expect(token).toMatch(/^ghk_/);
  await expect(page.getByText('Copy this token now; it will not be shown again.')).toBeVisible();

  const api = await page.request.get(`/api/v1/targets/${name}`, { headers: { Authorization: `Bearer ${token}` } });
  expect(api.status()).toBe(200);
  const body = await api.text();
  expect(JSON.parse(body).target).toMatchObject({ name, database: scratchTarget.database });
  expect(body).not.toContain(scratchTarget.password);

  // The token opens a psql session through the gateway embedded in the portal's process.
  await scratchTarget.seed('create table payments (id int primary key, amount int); insert into payments values (1, 100), (2, 200)');
  const conninfo = `host=127.0.0.1 port=${process.env.GATEWAY_PG_PORT} dbname=${name} user=anyone password=${token} sslmode=require`;
  const psql = (sql: string) => run('psql', ['-X', '-At', '-c', sql, conninfo]);
  expect((await psql('select sum(amount) from payments')).stdout.trim()).toBe('300');
  await expect(psql('delete from payments')).rejects.toMatchObject({ stderr: expect.stringContaining('DELETE without a WHERE clause is blocked') });
  expect((await psql('select count(*) from payments')).stdout.trim()).toBe('2');

  await page.reload();
  await expect(page.getByTestId('new-token')).toHaveCount(0);
  expect(await page.content()).not.toContain(token);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto('/targets');
  await expect(page).toHaveURL(/\/signin/);
});
