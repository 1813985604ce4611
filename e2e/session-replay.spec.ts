import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import type { APIRequestContext } from '@playwright/test';
import { test, expect, gotoReady, seedToken, seedUser, signInViaApi, type SeededUser } from './fixtures';

let admin: SeededUser;
let approver: SeededUser;
let auditor: SeededUser;
let user: SeededUser;
let targetName: string;

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const MARK = `ghmark${Date.now().toString(36)}`;

type PsqlResult = { code: number | null; stdout: string; stderr: string };

/** One psql session through the embedded gateway running each statement in turn (it goes on after errors). */
function psqlSession(token: string, statements: string[]): Promise<PsqlResult> {
  const conninfo = `host=127.0.0.1 port=${process.env.GATEWAY_PG_PORT} dbname=${targetName} user=x password=${token} sslmode=require`;
  return new Promise((resolve) => {
    const child = spawn('psql', ['-X', '-At', ...statements.flatMap((s) => ['-c', s]), conninfo]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function approvePending(request: APIRequestContext, token: string, text: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const res = await request.get('/api/v1/approvals?status=pending', { headers: bearer(token) });
    const body = (await res.json()) as { approvals: { id: string; statementText: string }[] };
    const held = body.approvals.find((r) => r.statementText === text);
    if (held) {
      const decided = await request.post(`/api/v1/approvals/${held.id}/approve`, { headers: bearer(token), data: {} });
      expect(decided.status()).toBe(200);
      return;
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`no pending approval for ${text}`);
}

test.beforeAll(async () => {
  admin = await seedUser('admin');
  approver = await seedUser('approver');
  auditor = await seedUser('auditor');
  user = await seedUser('user');
});

test.beforeEach(async ({ request, scratchTarget }) => {
  if (targetName) return;
  await scratchTarget.seed(`
    drop table if exists patients; drop table if exists ledger;
    create table patients (id int primary key, full_name text, email text);
    insert into patients values (1, 'Grace Hopper', 'grace@navy.example'), (2, 'Edsger Dijkstra', 'edsger@tue.example');
    create table ledger (id int primary key, amount int);
    insert into ledger select i, i * 10 from generate_series(1, 5) i;
  `);
  targetName = `replay-${Date.now().toString(36)}`;
  const adminToken = await seedToken(admin);
  const created = await request.post('/api/v1/targets', {
    headers: bearer(adminToken),
    data: { name: targetName, host: scratchTarget.host, port: scratchTarget.port, database: scratchTarget.database, username: scratchTarget.username, password: scratchTarget.password, tlsMode: 'disable' },
  });
  expect(created.status()).toBe(201);
  const masking = await request.put(`/api/v1/targets/${targetName}/masking`, {
    headers: bearer(adminToken),
    data: { rules: [{ id: 'patient-email', name: 'Patient e-mail', enabled: true, match: { type: 'column', column: 'public.patients.email' }, strategy: { type: 'email-domain' } }] },
  });
  expect(masking.status()).toBe(200);
});

test('an auditor finds a session by its statements, replays it with the masked rows and the approver, and exports the audit log', async ({ page, request }) => {
  const held = `delete from ledger where id = 2 and '${MARK}' <> ''`;
  const run = psqlSession(await seedToken(user), [`select full_name, email from patients order by id`, 'delete from ledger', held]);
  await approvePending(request, await seedToken(approver), held);
  const result = await run;
  expect(result.stdout).toContain('Grace Hopper|****@navy.example');
  expect(result.stdout).not.toContain('grace@navy.example');
  expect(result.stderr).toContain('without a WHERE clause');
  expect(result.stdout).toContain('DELETE 1');

  await signInViaApi(page, auditor);
  await gotoReady(page, '/sessions');
  await page.getByLabel('Search').fill(MARK);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const row = page.getByTestId('session-row').filter({ hasText: user.email });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(targetName);
  await row.getByRole('link').first().click();

  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  const detail = page.getByTestId('statement-detail');
  await expect(detail).toContainText('select full_name, email from patients');
  await expect(page.getByTestId('result-rows')).toContainText('****@navy.example');
  await expect(page.getByTestId('result-rows')).not.toContainText('grace@navy.example');
  await page.getByRole('button', { name: 'Step forward', exact: true }).click();
  await expect(detail).toContainText('delete from ledger');
  await expect(detail).toContainText(/block/i);
  await page.getByRole('button', { name: 'Step forward', exact: true }).click();
  await expect(detail).toContainText(MARK);
  await expect(detail.getByTestId('approver')).toContainText(approver.email);
  await page.getByLabel('Speed').selectOption('16');
  await page.getByRole('button', { name: 'Step back', exact: true }).click();
  await page.getByRole('button', { name: 'Step back', exact: true }).click();
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(detail).toContainText(MARK, { timeout: 15_000 });

  await gotoReady(page, '/audit');
  await page.getByLabel('Search').fill(`delete ledger ${MARK}`);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const audited = page.getByTestId('audit-row').filter({ hasText: MARK });
  await expect(audited).toHaveCount(1);
  await expect(audited).toContainText(user.email);
  await expect(audited).toContainText(approver.email);
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export CSV' }).click();
  const csv = await readFile((await (await download).path())!, 'utf8');
  const lines = csv.trim().split(/\r?\n/);
  expect(lines.length).toBeGreaterThanOrEqual(2);
  expect(csv).toContain(MARK);
  expect(csv).toContain(approver.email);
  expect(csv).toContain(user.email);
});

test('a user sees only their own sessions; another user cannot open them', async ({ page }) => {
  const other = await seedUser('user');
  await signInViaApi(page, other);
  await gotoReady(page, '/sessions');
  await expect(page.getByTestId('session-row').filter({ hasText: user.email })).toHaveCount(0);
  await gotoReady(page, '/audit');
  await expect(page.getByText(/auditor or admin/i)).toBeVisible();
});
