import { spawn } from 'node:child_process';
import type { APIRequestContext } from '@playwright/test';
import type { ScratchTarget } from '../test/scratch-target';
import { test, expect, gotoReady, seedToken, seedUser, signInViaApi, type SeededUser } from './fixtures';

let admin: SeededUser;
let user: SeededUser;
let adminToken: string;

const SECRETS = ['ada@example.com', 'alan@example.org', '4111111111111111', '4012888888881881', '5555 5555 5555 4444'];

test.beforeAll(async () => {
  admin = await seedUser('admin');
  user = await seedUser('user');
  adminToken = await seedToken(admin);
});

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

async function registerTarget(request: APIRequestContext, scratch: ScratchTarget, overrides: { port?: number } = {}): Promise<string> {
  const name = `masking-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  const res = await request.post('/api/v1/targets', {
    headers: bearer(adminToken),
    data: { name, host: scratch.host, port: scratch.port, database: scratch.database, username: scratch.username, password: scratch.password, tlsMode: 'disable', ...overrides },
  });
  expect(res.status()).toBe(201);
  return name;
}

type PsqlResult = { code: number | null; stdout: string; stderr: string };

/** psql through the gateway embedded in the portal, unaligned and tuples only. */
function psql(targetName: string, token: string, sql: string): Promise<PsqlResult> {
  const conninfo = `host=127.0.0.1 port=${process.env.GATEWAY_PG_PORT} dbname=${targetName} user=x password=${token} sslmode=require`;
  return new Promise((resolve) => {
    const child = spawn('psql', ['-X', '-At', '-c', sql, conninfo]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let isSeeded = false;

test.beforeEach(async ({ scratchTarget }) => {
  if (isSeeded) return;
  await scratchTarget.seed(`
    drop table if exists customers;
    create table customers (id int, full_name text, email text, card_number text, notes text);
    insert into customers values
      (1, 'Ada Lovelace', 'ada@example.com', '4111111111111111', 'card 5555 5555 5555 4444 on file'),
      (2, 'Alan Turing', 'alan@example.org', '4012888888881881', 'no card');
  `);
  isSeeded = true;
});

test('an admin masks a column and card numbers, previews the draft, saves, and psql gets masked values', async ({ page, scratchTarget }) => {
  const name = await registerTarget(page.request, scratchTarget);
  await signInViaApi(page, admin);
  await gotoReady(page, `/targets/${name}`);
  await page.getByRole('link', { name: 'Masking', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/targets/${name}/masking$`));
  await page.waitForLoadState('networkidle');
  await expect(page.getByText('No masking rules: results leave this target as they are.')).toBeVisible();

  await page.getByRole('button', { name: 'Add masking rule' }).click();
  const form = page.getByRole('form', { name: 'New masking rule' });
  await form.getByLabel('Name', { exact: true }).fill('Customer e-mail');
  await expect(form.getByLabel('Match by')).toHaveValue('column');
  await form.getByLabel('Schema', { exact: true }).selectOption('public');
  await form.getByLabel('Table', { exact: true }).selectOption('customers');
  await expect(form.getByLabel('Column', { exact: true }).locator('option')).toContainText(['email (text)', 'card_number (text)']);
  await form.getByLabel('Column', { exact: true }).selectOption('email');
  await form.getByLabel('Strategy').selectOption('email-domain');
  await form.getByLabel('Exempt users').selectOption({ label: `${admin.email} (admin)` });
  await form.getByRole('button', { name: 'Apply' }).click();
  await expect(form).toHaveCount(0);

  await page.getByRole('button', { name: 'Add detector Payment card numbers' }).click();
  const rules = page.getByTestId('masking-rule');
  await expect(rules).toHaveCount(2);
  await expect(rules.nth(0)).toContainText('Column public.customers.email');
  await expect(rules.nth(0)).toContainText('Keep the e-mail domain');
  await expect(rules.nth(0)).toContainText(`Exempt: users ${admin.email} (admin)`);
  await expect(rules.nth(1)).toContainText('Detector: Payment card numbers');
  await expect(rules.nth(1)).toContainText('No exemptions: masked for everyone.');
  await expect(page.getByTestId('masking-unsaved')).toBeVisible();

  await page.getByLabel('SELECT to preview').fill('delete from customers');
  await page.getByRole('button', { name: 'Run preview' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The preview runs exactly one SELECT statement' })).toBeVisible();
  await page.getByLabel('SELECT to preview').fill('select * from customers order by id');
  await page.getByLabel('As user').selectOption({ label: `${user.email} (user)` });
  await page.getByRole('button', { name: 'Run preview' }).click();
  const preview = page.getByTestId('masking-preview');
  await expect(preview).toBeVisible();
  await expect(preview.getByRole('columnheader', { name: /email/ })).toContainText('Customer e-mail');
  await expect(preview.getByTestId('masked-by')).toHaveCount(1);
  const firstRow = preview.getByRole('row').nth(1);
  await expect(firstRow.getByRole('cell')).toHaveText(['1', 'Ada Lovelace', '****@example.com', '[redacted card number]', 'card [redacted card number] on file']);
  await expect(preview.getByRole('row').nth(2)).toContainText('****@example.org');
  for (const secret of SECRETS) await expect(preview).not.toContainText(secret);

  await page.getByLabel('Sample text').fill('refund to 4111 1111 1111 1111, ref ORD-1');
  await page.getByRole('button', { name: 'Scan sample' }).click();
  const findings = page.getByTestId('detection-findings');
  await expect(findings.getByRole('row')).toHaveCount(2);
  await expect(findings.getByRole('row').nth(1)).toContainText('Payment card numbers');
  await expect(findings.getByRole('row').nth(1)).toContainText('4111 1111 1111 1111');
  await expect(findings.getByRole('row').nth(1)).toContainText('[redacted card number]');

  await page.getByRole('button', { name: 'Save masking rules' }).click();
  await expect(page.getByText(/^Saved 2 masking rules \(version \d+\)\.$/)).toBeVisible();
  await expect(page.getByTestId('masking-unsaved')).toHaveCount(0);

  const stored = await (await page.request.get(`/api/v1/targets/${name}/masking`, { headers: bearer(adminToken) })).json();
  expect(stored.rules).toMatchObject([
    { name: 'Customer e-mail', enabled: true, match: { type: 'column', column: 'public.customers.email' }, strategy: { type: 'email-domain' }, exempt: { userIds: [admin.id] } },
    { name: 'Payment card numbers', enabled: true, match: { type: 'detector', detector: 'payment-card' }, strategy: { type: 'redact' } },
  ]);

  const result = await psql(name, await seedToken(user), 'select email, card_number, notes from customers order by id');
  expect(result.code, result.stderr).toBe(0);
  expect(result.stdout.trim().split('\n')).toEqual([
    '****@example.com|[redacted card number]|card [redacted card number] on file',
    '****@example.org|[redacted card number]|no card',
  ]);
  for (const secret of SECRETS) expect(result.stdout).not.toContain(secret);

  await page.reload();
  await expect(page.getByTestId('masking-rule')).toHaveCount(2);
  await page.getByRole('switch', { name: 'Payment card numbers enabled' }).uncheck();
  await page.getByRole('button', { name: 'Move Payment card numbers up' }).click();
  await expect(rules.nth(0)).toContainText('Disabled');
  await page.getByRole('button', { name: 'Reset to saved' }).click();
  await expect(rules.nth(0)).toContainText('Customer e-mail');
  await expect(page.getByRole('switch', { name: 'Payment card numbers enabled' })).toBeChecked();
});

test('an invalid masking rule is reported by position and field, and nothing is saved', async ({ page, scratchTarget }) => {
  const name = await registerTarget(page.request, scratchTarget);
  await signInViaApi(page, admin);
  await gotoReady(page, `/targets/${name}/masking`);

  await page.getByRole('button', { name: 'Add masking rule' }).click();
  const form = page.getByRole('form', { name: 'New masking rule' });
  await form.getByLabel('Match by').selectOption('regex');
  await form.getByLabel('Pattern').fill('(unclosed');
  await form.getByRole('button', { name: 'Apply' }).click();
  await page.getByRole('button', { name: 'Save masking rules' }).click();

  const errors = page.getByTestId('masking-errors');
  await expect(errors).toContainText('Nothing was saved');
  await expect(errors).toContainText('Rule 1 “Pattern /(unclosed/” · Pattern: Pattern must be a valid RE2 regular expression (no lookaround or backreferences)');
  await expect(errors).toContainText('rules.0.match.pattern');
  await expect(page.getByTestId('masking-rule')).toHaveAttribute('data-invalid', 'true');
  const stored = await (await page.request.get(`/api/v1/targets/${name}/masking`, { headers: bearer(adminToken) })).json();
  expect(stored).toEqual({ rules: [] });
});

test('the column picker falls back to typing when the target cannot be reached', async ({ page, scratchTarget }) => {
  const name = await registerTarget(page.request, scratchTarget, { port: 1 });
  await signInViaApi(page, admin);
  await gotoReady(page, `/targets/${name}/masking`);
  await page.getByRole('button', { name: 'Add masking rule' }).click();
  const form = page.getByRole('form', { name: 'New masking rule' });
  await expect(form.getByText("The target's schema could not be read")).toBeVisible();
  await expect(form.getByRole('textbox', { name: 'Column', exact: true })).toBeVisible();
  await expect(form.getByLabel('Schema', { exact: true })).toHaveCount(0);
});

test('a non-admin sees "Admins only" on the masking page and cannot read the rules', async ({ page, request, scratchTarget }) => {
  const name = await registerTarget(request, scratchTarget);
  await signInViaApi(page, user);
  await page.goto(`/targets/${name}/masking`);
  await expect(page.getByRole('heading', { name: 'Admins only' })).toBeVisible();
  await expect(page.getByLabel('SELECT to preview')).toHaveCount(0);
  const res = await request.get(`/api/v1/targets/${name}/masking`, { headers: bearer(await seedToken(user)) });
  expect(res.status()).toBe(403);
});
