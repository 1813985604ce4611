import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { CLI_ACTOR } from '../lib/auth/actor';
import { getDb } from '../lib/db/client';
import { gatewaySessions } from '../lib/db/schema';
import { createUser } from '../lib/users/create-user';
import { E2E_OIDC } from '../playwright.config';
import { test, expect, gotoReady, seedToken, seedUser, signInViaApi, type SeededUser } from './fixtures';

let admin: SeededUser;
let agentEmail: string;
let targetName: string;

/** A client-credentials JWT from the run's identity provider, as an agent gets one. */
async function agentJwt(): Promise<string> {
  const res = await fetch(`${E2E_OIDC.issuer}/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${E2E_OIDC.agentClientId}:${E2E_OIDC.agentClientSecret}`).toString('base64')}`,
    },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'gateway', resource: E2E_OIDC.audience }),
  });
  const body = (await res.json()) as { access_token?: string };
  expect(body.access_token).toBeTruthy();
  return body.access_token!;
}

/** An interactive psql through the embedded gateway, fed statements on stdin as a person or agent types them. */
function psqlShell(jwt: string) {
  const child: ChildProcessWithoutNullStreams = spawn('psql', ['-X', '-At', `host=127.0.0.1 port=${process.env.GATEWAY_PG_PORT} dbname=${targetName} user=agent sslmode=require`], {
    env: { ...process.env, PGPASSWORD: jwt },
  });
  const out = { stdout: '', stderr: '' };
  child.stdout.on('data', (d: Buffer) => (out.stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out.stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  return { out, exited, send: (sql: string) => child.stdin.write(`${sql}\n`), close: () => child.stdin.end() };
}

function psqlOnce(jwt: string, sql: string): Promise<{ code: number | null; stderr: string }> {
  const shell = psqlShell(jwt);
  shell.send(sql);
  shell.close();
  return shell.exited.then((code) => ({ code, stderr: shell.out.stderr }));
}

test.beforeAll(async () => {
  admin = await seedUser('admin');
  agentEmail = `agent-${randomBytes(4).toString('hex')}@e2e.test`;
  await createUser(getDb(), { actor: CLI_ACTOR, input: { email: agentEmail, name: 'Nightly agent', kind: 'service', role: 'user', oidcSubject: E2E_OIDC.agentClientId } });
});

test.beforeEach(async ({ request, scratchTarget }) => {
  if (targetName) return;
  await scratchTarget.seed('drop table if exists jobs; create table jobs (id int primary key, state text); insert into jobs values (1, \'queued\')');
  targetName = `agents-${Date.now().toString(36)}`;
  const created = await request.post('/api/v1/targets', {
    headers: { Authorization: `Bearer ${await seedToken(admin)}` },
    data: { name: targetName, host: scratchTarget.host, port: scratchTarget.port, database: scratchTarget.database, username: scratchTarget.username, password: scratchTarget.password, tlsMode: 'disable' },
  });
  expect(created.status()).toBe(201);
});

test("an agent's JWT opens a psql session; an admin disables the identity in the portal; the session ends within 5 s and the JWT is refused", async ({ page }) => {
  const jwt = await agentJwt();
  const shell = psqlShell(jwt);
  shell.send("select state from jobs where id = 1;");
  await expect.poll(() => shell.out.stdout, { timeout: 15_000 }).toContain('queued');
  const [session] = await getDb().select().from(gatewaySessions).where(eq(gatewaySessions.userEmail, agentEmail));
  expect(session).toMatchObject({ authMethod: 'jwt', endedAt: null });

  await signInViaApi(page, admin);
  await gotoReady(page, '/users');
  const row = page.getByRole('row').filter({ hasText: agentEmail });
  await row.getByRole('button', { name: 'Disable' }).click();
  await expect(row.getByText('disabled', { exact: true })).toBeVisible();

  await expect
    .poll(async () => (await getDb().select().from(gatewaySessions).where(eq(gatewaySessions.id, session!.id)))[0]?.endReason ?? null, { timeout: 5_000, intervals: [100] })
    .toContain(`was disabled by ${admin.email}`);
  shell.send('select 2;');
  shell.close();
  await shell.exited;
  expect(shell.out.stderr).toContain(`Gatehouse: service identity ${agentEmail} was disabled by ${admin.email}`);

  const again = await psqlOnce(await agentJwt(), 'select 1;');
  expect(again.code).not.toBe(0);
  expect(again.stderr).toMatch(/disabled/);
});
