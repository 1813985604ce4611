import type { APIRequestContext, Page } from '@playwright/test';
import type { ScratchTarget } from '../test/scratch-target';
import { test, expect, gotoReady, seedToken, seedUser, signInViaApi, type SeededUser } from './fixtures';

let admin: SeededUser;
let user: SeededUser;
let adminToken: string;
let userToken: string;

test.beforeAll(async () => {
  admin = await seedUser('admin');
  user = await seedUser('user');
  adminToken = await seedToken(admin);
  userToken = await seedToken(user);
});

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

async function registerTarget(request: APIRequestContext, scratch: ScratchTarget): Promise<string> {
  const name = `rules-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  const res = await request.post('/api/v1/targets', {
    headers: bearer(adminToken),
    data: { name, host: scratch.host, port: scratch.port, database: scratch.database, username: scratch.username, password: scratch.password, tlsMode: 'disable' },
  });
  expect(res.status()).toBe(201);
  return name;
}

/** Runs the simulator and waits until the result shown is for this SQL. */
async function simulate(page: Page, sql: string, expected: { decision: string; rule?: string }) {
  await page.getByLabel('Statement', { exact: true }).fill(sql);
  await page.getByRole('button', { name: 'Simulate' }).click();
  await expect(page.getByTestId('simulation-statements')).toContainText(sql);
  await expect(page.getByTestId('simulation-decision')).toHaveText(expected.decision);
  if (expected.rule) await expect(page.getByTestId('simulation-rule')).toContainText(expected.rule);
}

async function saveRules(page: Page, count: number) {
  await expect(page.getByTestId('rules-unsaved')).toBeVisible();
  await page.getByRole('button', { name: 'Save rules' }).click();
  await expect(page.getByText(new RegExp(`^Saved ${count} rules \\(version \\d+\\)\\.$`))).toBeVisible();
  await expect(page.getByTestId('rules-unsaved')).toHaveCount(0);
}

test('an admin simulates statements, adds, saves and disables a rule', async ({ page, scratchTarget }) => {
  const name = await registerTarget(page.request, scratchTarget);
  await signInViaApi(page, admin);
  await gotoReady(page, `/targets/${name}`);
  await page.getByRole('link', { name: 'Rules', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/targets/${name}/rules$`));
  await page.waitForLoadState('networkidle');

  const rules = page.getByTestId('policy-rule');
  await expect(rules).toHaveCount(16);
  await expect(rules.first()).toContainText('Block COPY PROGRAM');
  await expect(rules.filter({ hasText: 'Block DELETE without WHERE' })).toContainText('For everyone · flags delete-without-where');
  await expect(page.getByText('Unsaved changes above are not simulated', { exact: false })).toBeVisible();

  await page.getByLabel('Run as').selectOption({ label: `${user.email} (user)` });
  await simulate(page, 'delete from payments', { decision: 'Blocked', rule: 'Block DELETE without WHERE' });
  await expect(page.getByTestId('simulation-statements')).toContainText('delete-without-where');
  await simulate(page, 'select 1', { decision: 'Allowed', rule: 'Allow reads' });

  await page.getByRole('button', { name: 'Add rule' }).click();
  const form = page.getByRole('form', { name: 'New rule' });
  await form.getByLabel('Name', { exact: true }).fill('Block payments reads');
  await form.getByLabel('Action', { exact: true }).selectOption('block');
  await form.getByLabel('Position').selectOption('0');
  await form.getByRole('checkbox', { name: 'read', exact: true }).check();
  await form.getByLabel('Tables').fill('public.payments');
  await form.getByRole('button', { name: 'Apply' }).click();
  await expect(form).toHaveCount(0);
  await expect(rules).toHaveCount(17);
  await expect(rules.first()).toContainText('Block payments reads');
  await expect(rules.first()).toContainText('For everyone · kinds read · tables public.payments');
  await saveRules(page, 17);

  await simulate(page, 'select * from payments', { decision: 'Blocked', rule: 'Block payments reads' });

  await page.getByRole('switch', { name: 'Block payments reads enabled' }).uncheck();
  await expect(rules.first()).toContainText('Disabled');
  await saveRules(page, 17);
  await simulate(page, 'select * from payments', { decision: 'Allowed', rule: 'Allow reads' });

  const stored = await (await page.request.get(`/api/v1/targets/${name}/rules`, { headers: bearer(adminToken) })).json();
  expect(stored.rules).toHaveLength(17);
  expect(stored.rules[0]).toMatchObject({ name: 'Block payments reads', enabled: false, action: 'block', match: { kinds: ['read'], tables: ['public.payments'] } });

  await page.reload();
  await expect(page.getByRole('switch', { name: 'Block payments reads enabled' })).not.toBeChecked();
});

test('an invalid rule is reported by position and field, nothing is saved, and reset discards it', async ({ page, scratchTarget }) => {
  const name = await registerTarget(page.request, scratchTarget);
  await signInViaApi(page, admin);
  await gotoReady(page, `/targets/${name}/rules`);

  await page.getByRole('button', { name: 'Move Block ALTER SYSTEM up' }).click();
  await expect(page.getByTestId('policy-rule').first()).toContainText('Block ALTER SYSTEM');
  await page.getByRole('button', { name: 'Add rule' }).click();
  const form = page.getByRole('form', { name: 'New rule' });
  await form.getByLabel('Name', { exact: true }).fill('Bad pattern');
  await form.getByLabel('Pattern').fill('(unclosed');
  await form.getByRole('button', { name: 'Apply' }).click();
  await page.getByRole('button', { name: 'Save rules' }).click();

  const errors = page.getByTestId('rules-errors');
  await expect(errors).toContainText('Nothing was saved');
  await expect(errors).toContainText('Rule 17 “Bad pattern” · Pattern: Pattern must be a valid regular expression');
  await expect(errors).toContainText('rules.16.match.pattern');
  await expect(page.getByTestId('rules-unsaved')).toBeVisible();

  const stored = await (await page.request.get(`/api/v1/targets/${name}/rules`, { headers: bearer(adminToken) })).json();
  expect(stored.rules).toHaveLength(16);
  expect(stored.rules[0].name).toBe('Block COPY PROGRAM');

  await page.getByRole('button', { name: 'Reset to saved' }).click();
  await expect(page.getByTestId('rules-unsaved')).toHaveCount(0);
  await expect(errors).toHaveCount(0);
  await expect(page.getByTestId('policy-rule')).toHaveCount(16);
  await expect(page.getByTestId('policy-rule').first()).toContainText('Block COPY PROGRAM');
});

test('a non-admin sees "Admins only" on the rules page', async ({ page, scratchTarget }) => {
  const name = await registerTarget(page.request, scratchTarget);
  await signInViaApi(page, user);
  await page.goto(`/targets/${name}/rules`);
  await expect(page.getByRole('heading', { name: 'Admins only' })).toBeVisible();
  await expect(page.getByTestId('policy-rule')).toHaveCount(0);
  await expect(page.getByLabel('Statement', { exact: true })).toHaveCount(0);
});

test('the rules API: reads for everyone, 422 for an invalid rule with nothing changed, simulation for admins', async ({ request, scratchTarget }) => {
  const name = await registerTarget(request, scratchTarget);
  const url = `/api/v1/targets/${name}/rules`;
  const before = await request.get(url, { headers: bearer(userToken) });
  expect(before.status()).toBe(200);
  const { rules } = (await before.json()) as { rules: unknown[] };
  expect(rules).toHaveLength(16);

  const bad = [...rules, { id: 'bad-pattern', name: 'Bad pattern', enabled: true, subject: {}, match: { pattern: '(unclosed' }, action: 'block' }];
  const refused = await request.put(url, { headers: bearer(adminToken), data: { rules: bad } });
  expect(refused.status()).toBe(422);
  const error = (await refused.json()).error;
  expect(error.code).toBe('INVALID_INPUT');
  expect(error.fieldErrors).toEqual({ [`rules.${rules.length}.match.pattern`]: ['Pattern must be a valid regular expression'] });
  expect(await (await request.get(url, { headers: bearer(adminToken) })).json()).toEqual({ rules });

  const forbidden = await request.put(url, { headers: bearer(userToken), data: { rules } });
  expect(forbidden.status()).toBe(403);

  const replaced = await request.put(url, { headers: bearer(adminToken), data: { rules: rules.slice(1) } });
  expect(replaced.status()).toBe(200);
  expect(await replaced.json()).toMatchObject({ rules: rules.slice(1), version: expect.any(Number) });

  const simulated = await request.post(`/api/v1/targets/${name}/simulate`, {
    headers: bearer(adminToken),
    data: { sql: 'select 1; delete from payments', userId: user.id },
  });
  expect(simulated.status()).toBe(200);
  expect(await simulated.json()).toMatchObject({
    decision: { action: 'block', rule: { name: 'Block DELETE without WHERE' }, statementIndex: 1 },
    runAs: { email: user.email, role: 'user' },
    classification: { ok: true, statementCount: 2 },
  });
  const emptySql = await request.post(`/api/v1/targets/${name}/simulate`, { headers: bearer(adminToken), data: { sql: '', userId: user.id } });
  expect(emptySql.status()).toBe(422);
  expect((await emptySql.json()).error.fieldErrors).toEqual({ sql: ['Paste a statement to simulate'] });
  const asUser = await request.post(`/api/v1/targets/${name}/simulate`, { headers: bearer(userToken), data: { sql: 'select 1', userId: user.id } });
  expect(asUser.status()).toBe(403);
});
