import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import postgres from 'postgres';
import { setupTestDb } from '@/test/db';
import { setupGateway } from '@/test/gateway-harness';
import { makeActor } from '@/test/actors';
import { approvalRequests, statements } from '@/lib/db/schema';
import { listStatementRecords } from '@/lib/audit/statement-records';
import { CLI_ACTOR } from '@/lib/auth/actor';
import { defaultPolicyRules } from '@/lib/policy/default-policy-rules';
import { replaceTargetPolicyRules, updateTargetSessionSettings } from '@/lib/policy/target-policy';
import { decideApproval } from '@/lib/approvals/decide-approval';
import { abortApprovalRequests } from '@/lib/approvals/abort-approval-requests';
import { withdrawApprovalRequest } from '@/lib/approvals/withdraw-approval-request';

const store = setupTestDb();
const { db } = store;
const gw = setupGateway(store, { approvals: true });

beforeAll(async () => {
  await replaceTargetPolicyRules(db, {
    actor: CLI_ACTOR,
    idOrName: gw.targetName,
    rules: [
      { id: 'quick-expiry', name: 'Short wait for payment 3', enabled: true, subject: {}, match: { pattern: 'id = 3' }, action: 'require_approval', message: 'Needs a look', approval: { waitSeconds: 5 } },
      { id: 'agents-dont-wait', name: 'Agents do not wait', enabled: true, subject: {}, match: { pattern: 'id = 4' }, action: 'require_approval', approval: { dontWait: true } },
      ...defaultPolicyRules(),
    ],
  });
});

async function client() {
  const c = new pg.Client({ connectionString: gw.connectionString(await gw.tokenFor()).replace('?sslmode=require', ''), ssl: { rejectUnauthorized: false } });
  const notices: string[] = [];
  c.on('notice', (n) => notices.push(n.message ?? ''));
  await c.connect();
  return { c, notices };
}

async function pendingFor(text: string) {
  for (let i = 0; i < 50; i++) {
    const [row] = await db.select().from(approvalRequests).where(eq(approvalRequests.statementText, text));
    if (row) return row;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no approval request for ${text}`);
}

const count = async (where: string) => ((await gw.direct.unsafe(`select count(*)::int as n from payments where ${where}`))[0]!.n as number);

describe('holding statements for approval', () => {
  it('runs a held DELETE once an approver approves, after a NOTICE with the URL', async () => {
    const { c, notices } = await client();
    const approver = await makeActor(db, 'approver');
    const text = 'delete from payments where id = 1';
    const result = c.query(text);
    const request = await pendingFor(text);
    expect(notices.join('\n')).toContain(`DELETE on public.payments needs approval: http://gatehouse.test/approvals/${request.id}; waiting up to 10m`);
    expect(await count('id = 1')).toBe(1);
    await decideApproval(db, { actor: approver, requestId: request.id, decision: 'approve' });
    expect((await result).rowCount).toBe(1);
    expect(await count('id = 1')).toBe(0);
    await gw.audit.flush();
    // By approval: other test files in this run record statements with the same text.
    const [record] = await listStatementRecords(db, eq(statements.approvalId, request.id));
    expect(record).toMatchObject({ text, decision: 'require_approval', approvalId: request.id, message: `approved by ${approver.email}`, commandTag: 'DELETE 1' });
    await c.end();
  });

  it('refuses a denied statement with the approver and the reason', async () => {
    const { c } = await client();
    const approver = await makeActor(db, 'approver');
    const text = 'delete from payments where id = 2';
    const result = c.query(text).catch((e: unknown) => e);
    const request = await pendingFor(text);
    await decideApproval(db, { actor: approver, requestId: request.id, decision: 'deny', reason: 'not during quarter close' });
    expect(await result).toMatchObject({ code: '42501', message: `Gatehouse: denied by ${approver.email}: not during quarter close` });
    expect(await count('id = 2')).toBe(1);
    await c.end();
  });

  it('refuses when the request expires', async () => {
    const { c } = await client();
    const error = await c.query('delete from payments where id = 3').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: '42501', message: expect.stringContaining('expired without a decision') });
    expect(await count('id = 3')).toBe(1);
    await c.end();
  }, 20_000);

  it('withdraws the request when the client cancels', async () => {
    const sql = postgres(gw.connectionString(await gw.tokenFor()), { ssl: { rejectUnauthorized: false }, max: 1, onnotice: () => {} });
    const text = 'delete from payments where id = 5';
    const held = sql.unsafe(text);
    const result = held.then(() => 'ran', (e: { code?: string }) => e.code);
    const request = await pendingFor(text);
    held.cancel();
    expect(await result).toBe('57014');
    await expect.poll(async () => (await db.select().from(approvalRequests).where(eq(approvalRequests.id, request.id)))[0]!.status).toBe('withdrawn');
    expect(await count('id = 5')).toBe(1);
    await sql.end();
  });

  it("with don't-wait, answers at once and runs the same statement once after approval", async () => {
    const { c } = await client();
    const approver = await makeActor(db, 'approver');
    const text = 'delete from payments where id = 4';
    const first = await c.query(text).catch((e: unknown) => e);
    expect(first).toMatchObject({ code: '42501', message: expect.stringContaining('run it again once it is approved') });
    const request = await pendingFor(text);
    await decideApproval(db, { actor: approver, requestId: request.id, decision: 'approve' });
    expect((await c.query(text)).rowCount).toBe(1);
    const third = await c.query(text).catch((e: unknown) => e);
    expect(third).toMatchObject({ code: '42501' });
    await c.end();
  });

  it("announces a new request on the target's webhook, retrying until it is accepted", async () => {
    const bodies: string[] = [];
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        bodies.push(body);
        res.statusCode = bodies.length === 1 ? 500 : 200;
        res.end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    await updateTargetSessionSettings(db, { actor: CLI_ACTOR, idOrName: gw.targetName, settings: { approvalWebhookUrl: url } });
    const { c } = await client();
    const text = 'delete from payments where id = 7';
    const held = c.query(text).catch((e: unknown) => e);
    const request = await pendingFor(text);
    await expect.poll(() => bodies.length, { timeout: 10_000 }).toBe(2);
    const payload = JSON.parse(bodies[1]!) as { text: string };
    expect(payload.text).toContain(`http://gatehouse.test/approvals/${request.id}`);
    expect(payload.text).toContain(text);
    await withdrawApprovalRequest(db, request.id, 'test over');
    expect(await held).toMatchObject({ code: '57014' });
    await updateTargetSessionSettings(db, { actor: CLI_ACTOR, idOrName: gw.targetName, settings: {} });
    server.close();
    await c.end();
  }, 20_000);

  it('delivers a decision made while the approvals worker was restarting', async () => {
    const { c } = await client();
    const approver = await makeActor(db, 'approver');
    const text = 'delete from payments where id = 8';
    const held = c.query(text);
    const request = await pendingFor(text);
    await gw.approvals!.stop();
    await decideApproval(db, { actor: approver, requestId: request.id, decision: 'approve' });
    await gw.approvals!.start();
    expect((await held).rowCount).toBe(1);
    await c.end();
  });

  it('a restarted gateway aborts the requests it held, and a later approval is refused clearly', async () => {
    const approver = await makeActor(db, 'approver');
    const { c } = await client();
    const text = 'delete from payments where id = 9';
    const held = c.query(text).catch((e: unknown) => e);
    const request = await pendingFor(text);
    expect(await abortApprovalRequests(db, request.gatewayInstance!)).toBeGreaterThanOrEqual(1);
    expect(await held).toMatchObject({ code: '57P01', message: expect.stringContaining('was aborted') });
    await expect(decideApproval(db, { actor: approver, requestId: request.id, decision: 'approve' })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('aborted') });
    expect(await count('id = 9')).toBe(1);
    await c.end();
  });

  // Last: it takes the hub's Redis connections down for good.
  it('refuses with "approvals unavailable" when Redis cannot take the request, and runs nothing', async () => {
    const { c } = await client();
    await gw.approvals!.stop();
    const error = await c.query('delete from payments where id = 6').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: '57P03', message: expect.stringContaining('approvals unavailable') });
    expect(await count('id = 6')).toBe(1);
    const rows = await db.select().from(approvalRequests).where(eq(approvalRequests.statementText, 'delete from payments where id = 6'));
    expect(rows.every((r) => r.status !== 'pending')).toBe(true);
    await c.end();
  });
});
