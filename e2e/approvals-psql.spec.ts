import { spawn } from 'node:child_process';
import type { Page } from '@playwright/test';
import { test, expect, seedToken, seedUser, signInViaApi, type SeededUser } from './fixtures';

let admin: SeededUser;
let approver: SeededUser;
let requester: SeededUser;
let targetName: string;

type PsqlResult = { code: number | null; stdout: string; stderr: string };

/** psql through the gateway embedded in the portal, as a person would run it. */
function psql(token: string, sql: string): Promise<PsqlResult> {
  const conninfo = `host=127.0.0.1 port=${process.env.GATEWAY_PG_PORT} dbname=${targetName} user=anyone password=${token} sslmode=require`;
  return new Promise((resolve) => {
    const child = spawn('psql', ['-X', '-c', sql, conninfo]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function openInbox(page: Page) {
  await page.goto('/approvals');
  await expect(page.getByTestId('live-indicator')).toHaveAttribute('data-state', 'open');
}

test.beforeAll(async () => {
  admin = await seedUser('admin');
  approver = await seedUser('approver');
  requester = await seedUser('user');
});

test.beforeEach(async ({ request, scratchTarget }) => {
  if (targetName) return;
  await scratchTarget.seed('create table ledger (id int primary key, amount int); insert into ledger select i, i * 10 from generate_series(1, 10) i');
  targetName = `ledger-${Date.now().toString(36)}`;
  const created = await request.post('/api/v1/targets', {
    headers: { Authorization: `Bearer ${await seedToken(admin)}` },
    data: { name: targetName, host: scratchTarget.host, port: scratchTarget.port, database: scratchTarget.database, username: scratchTarget.username, password: scratchTarget.password, tlsMode: 'disable' },
  });
  expect(created.status()).toBe(201);
});

test('a held DELETE from psql runs once an approver approves it in the browser', async ({ page }) => {
  await signInViaApi(page, approver);
  await openInbox(page);
  const run = psql(await seedToken(requester), 'delete from ledger where id = 1');
  const card = page.locator('[data-testid^="approval-card-"]', { hasText: 'delete from ledger where id = 1' });
  await expect(card).toBeVisible({ timeout: 15_000 });
  await card.getByRole('button', { name: 'Approve' }).click();
  const result = await run;
  expect(result.stderr).toContain('needs approval');
  expect(result.stdout).toContain('DELETE 1');
  expect(result.code).toBe(0);
});

test('a denied DELETE shows psql the approver and the reason', async ({ page }) => {
  await signInViaApi(page, approver);
  await openInbox(page);
  const run = psql(await seedToken(requester), 'delete from ledger where id = 2');
  const card = page.locator('[data-testid^="approval-card-"]', { hasText: 'delete from ledger where id = 2' });
  await expect(card).toBeVisible({ timeout: 15_000 });
  await card.getByLabel('Reason for denying').fill('ledger is frozen until audit');
  await card.getByRole('button', { name: 'Deny' }).click();
  const result = await run;
  expect(result.code).not.toBe(0);
  expect(result.stderr).toContain(`denied by ${approver.email}: ledger is frozen until audit`);
});

test('a held DELETE that nobody decides expires, and psql says so', async ({ request }) => {
  const adminToken = await seedToken(admin);
  const rules = (await (await request.get(`/api/v1/targets/${targetName}/rules`, { headers: { Authorization: `Bearer ${adminToken}` } })).json()).rules;
  const quick = { id: 'quick-expiry', name: 'Ledger 3 waits briefly', enabled: true, subject: {}, match: { pattern: 'id = 3' }, action: 'require_approval', approval: { waitSeconds: 5 } };
  const saved = await request.put(`/api/v1/targets/${targetName}/rules`, { headers: { Authorization: `Bearer ${adminToken}` }, data: { rules: [quick, ...rules] } });
  expect(saved.status()).toBe(200);
  const result = await psql(await seedToken(requester), 'delete from ledger where id = 3');
  expect(result.code).not.toBe(0);
  expect(result.stderr).toContain('needs approval');
  expect(result.stderr).toContain('waiting up to 5s');
  expect(result.stderr).toContain('approval request expired without a decision');
});
