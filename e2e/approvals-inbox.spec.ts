import { randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import { CLI_ACTOR } from '../lib/auth/actor';
import { getDb } from '../lib/db/client';
import { createApprovalRequest } from '../lib/approvals/create-approval-request';
import { getApprovalRequest } from '../lib/approvals/get-approval-request';
import { createTarget } from '../lib/targets/create-target';
import type { PublicTarget } from '../lib/targets/public-target';
import { test, expect, gotoReady, seedUser, signInViaApi, type SeededUser } from './fixtures';

let approver: SeededUser;
let requester: SeededUser;
let target: PublicTarget;

test.beforeAll(async () => {
  approver = await seedUser('approver');
  requester = await seedUser('user');
  target = await createTarget(getDb(), {
    actor: CLI_ACTOR,
    input: { name: `orders-${randomBytes(4).toString('hex')}`, host: 'db.example.test', port: 5432, database: 'orders', username: 'app', password: 'pw' },
  });
});

/** What the gateway does when a rule holds a statement. */
function holdStatement(by: SeededUser, statementText: string) {
  return createApprovalRequest(getDb(), {
    targetId: target.id,
    targetName: target.name,
    requesterId: by.id,
    requesterEmail: by.email,
    statementText,
    params: ['42', null],
    classification: { kinds: ['write'], tables: ['public.payments'], functions: [], flags: [], commands: ['DELETE'] },
    ruleName: 'writes need approval',
    heldReason: 'Writes to payments are held for a second pair of eyes',
    waitMode: 'wait',
    expiresInMs: 10 * 60_000,
  });
}

/** The approvals pages keep an EventSource open, so 'networkidle' never comes: wait for the stream instead. */
async function openInbox(page: Page, url = '/approvals') {
  await page.goto(url);
  await expect(page.getByTestId('live-indicator')).toHaveAttribute('data-state', 'open');
}

test('a held statement appears live; a denial needs a reason and lands in the history', async ({ page }) => {
  await signInViaApi(page, approver);
  await openInbox(page);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Approvals' })).toBeVisible();

  const request = await holdStatement(requester, 'DELETE FROM payments WHERE id = $1 -- cleanup');
  const card = page.getByTestId(`approval-card-${request.id}`);
  await expect(card).toBeVisible({ timeout: 10_000 });
  await expect(card.getByTestId('approval-requester')).toHaveText(requester.email);
  await expect(card.getByTestId('approval-target')).toHaveText(target.name);
  await expect(card.locator('[data-token="keyword"]', { hasText: 'DELETE' })).toBeVisible();
  await expect(card.locator('[data-token="comment"]')).toHaveText('-- cleanup');
  await expect(card.getByText('public.payments')).toBeVisible();
  await expect(card.getByTestId('approval-held-reason')).toContainText('writes need approval');
  await expect(card.getByTestId('wait-clock')).toContainText(/left/);

  await card.getByRole('button', { name: 'Deny' }).click();
  await expect(card.getByText('Say why the request is denied')).toBeVisible();
  await card.getByLabel('Reason for denying').fill('Use the archive job instead');
  await card.getByRole('button', { name: 'Deny' }).click();
  await expect(card).toHaveCount(0);

  await openInbox(page, `/approvals?view=history&target=${target.name}`);
  const row = page.getByTestId(`history-row-${request.id}`);
  await expect(row.getByTestId('approval-status')).toHaveText('denied');
  await expect(row.getByTestId('history-reason')).toHaveText('Use the archive job instead');
  await expect(row).toContainText(approver.email);

  await page.getByLabel('Status').selectOption('approved');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/status=approved/);
  await expect(page.getByTestId(`history-row-${request.id}`)).toHaveCount(0);

  await openInbox(page, `/approvals?view=history`);
  await page.getByTestId(`history-row-${request.id}`).getByRole('link').click();
  await expect(page.getByTestId('approval-outcome')).toContainText(`Denied by ${approver.email}`);
  await expect(page.getByTestId('approval-params')).toContainText('42');
  await expect(page.getByTestId('approval-decisions')).toContainText('Use the archive job instead');
});

test('an approver cannot approve their own request; another approver can, on the detail page', async ({ page, browser }) => {
  const selfish = await seedUser('approver');
  await signInViaApi(page, selfish);
  const request = await holdStatement(selfish, 'UPDATE payments SET amount = 0');
  await openInbox(page);
  const card = page.getByTestId(`approval-card-${request.id}`);
  await card.getByRole('button', { name: 'Approve' }).click();
  await expect(card.getByTestId('decision-message')).toContainText('You cannot decide your own request');
  expect((await getApprovalRequest(getDb(), { actor: CLI_ACTOR, id: request.id })).status).toBe('pending');

  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signInViaApi(otherPage, approver);
  await openInbox(otherPage, `/approvals/${request.id}`);
  await otherPage.getByRole('button', { name: 'Approve' }).click();
  await expect(otherPage.getByTestId('approval-outcome')).toContainText(`Approved by ${approver.email}`);
  await other.close();

  // The requester's open inbox drops the card without a reload.
  await expect(card).toHaveCount(0);
});

test('a decision that lost the race says who won', async ({ page, browser }) => {
  const request = await holdStatement(requester, 'TRUNCATE payments');
  // Without the live stream the card stays on screen after someone else decides, as it would in the second before an update.
  await page.route('**/api/v1/approvals/stream', (route) => route.abort());
  const late = await seedUser('approver');
  await signInViaApi(page, late);
  await gotoReady(page, '/approvals');
  const card = page.getByTestId(`approval-card-${request.id}`);
  await expect(card).toBeVisible();
  await expect(page.getByTestId('live-indicator')).toHaveAttribute('data-state', 'connecting');

  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signInViaApi(otherPage, approver);
  await openInbox(otherPage, `/approvals/${request.id}`);
  await otherPage.getByLabel('Reason for denying').fill('Not during business hours');
  await otherPage.getByRole('button', { name: 'Deny' }).click();
  await expect(otherPage.getByTestId('approval-outcome')).toContainText('Not during business hours');
  await other.close();

  await card.getByRole('button', { name: 'Approve' }).click();
  await expect(card.getByTestId('decision-message')).toHaveText(`This request was already denied by ${approver.email}`);
});

test('a user sees "Approvers only" and no Approvals link', async ({ page }) => {
  const request = await holdStatement(requester, 'DROP TABLE payments');
  await signInViaApi(page, requester);
  await page.goto('/approvals');
  await expect(page.getByRole('heading', { name: 'Approvers only' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Approvals' })).toHaveCount(0);
  await page.goto(`/approvals/${request.id}`);
  await expect(page.getByRole('heading', { name: 'Approvers only' })).toBeVisible();
  await expect(page.getByText('DROP TABLE')).toHaveCount(0);

  const stream = await page.request.get('/api/v1/approvals/stream');
  expect(stream.status()).toBe(403);
});
