import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { setupTestDb, uniqueName } from '@/test/db';
import { accessTokens, targets, users } from '@/lib/db/schema';
import { authenticateAccessToken } from '@/lib/tokens/authenticate-access-token';

const exec = promisify(execFile);
const { db } = setupTestDb();

async function cli(...args: string[]) {
  try {
    const { stdout, stderr } = await exec('./bin/gatehouse', args, { env: { ...process.env, GATEHOUSE_ENV_FILE: '/nonexistent/gatehouse.env' } });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('gatehouse CLI', () => {
  it('adds a user, creates a token printed alone on stdout, and revokes it', async () => {
    const email = `${uniqueName('cli')}@example.test`;
    const added = await cli('user', 'add', '--email', email, '--role', 'auditor');
    expect(added.code).toBe(0);
    const [id, passwordLine] = added.stdout.trim().split('\n');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(passwordLine).toMatch(/^password: \S{12,}$/);

    const created = await cli('token', 'create', '--user', email, '--name', 'ci', '--expires', '1h');
    expect(created.code).toBe(0);
    const token = created.stdout.trim();
    expect(token).toMatch(/^ghk_[A-Za-z0-9_-]{43}$/);
    const identity = await authenticateAccessToken(db, token);
    expect(identity.user.email).toBe(email);

    expect((await cli('token', 'revoke', identity.token.id)).code).toBe(0);
    const again = await cli('token', 'revoke', identity.token.id);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already revoked');
  });

  it('registers a target from a URL without ever printing its password', async () => {
    const name = uniqueName('cli-target');
    const secret = 'cli-secret-value-123';
    const result = await cli('target', 'add', '--name', name, '--url', `postgres://app:${secret}@db.example.test:6432/orders?sslmode=require`);
    expect(result.code).toBe(0);
    expect(result.stdout + result.stderr).not.toContain(secret);
    const [row] = await db.select().from(targets).where(eq(targets.name, name));
    expect(row).toMatchObject({ host: 'db.example.test', port: 6432, database: 'orders', username: 'app', tlsMode: 'require' });
    expect(row!.passwordCiphertext).not.toContain(secret);
  });

  // Nine CLI runs of about two seconds each (tsx start-up): under a loaded test run that passes 20 s.
  it('rejects bad input on stderr with a usage exit code and changes nothing', async () => {
    const before = { users: await db.$count(users), tokens: await db.$count(accessTokens), targets: await db.$count(targets) };
    const cases: [string[], RegExp][] = [
      [['user', 'add', '--email', 'not-an-email', '--role', 'user'], /valid e-mail/],
      [['user', 'add', '--email', 'x@example.test', '--role', 'root'], /Role must be one of/],
      [['user', 'add', '--role', 'user'], /--email/],
      [['token', 'create', '--user', 'nobody@example.test', '--name', 'x'], /No user with e-mail/],
      [['token', 'create', '--user', 'nobody@example.test', '--name', 'x', '--expires', 'soon'], /duration/],
      [['target', 'add', '--name', 'Bad Name', '--url', 'postgres://a:b@h/db'], /lower-case/],
      [['target', 'add', '--name', 'ok', '--url', 'mysql://a:b@h/db'], /Unsupported scheme/],
      [['frobnicate'], /unknown command|Unknown command/i],
      [['user', 'add', '--email', 'y@example.test', '--role', 'user', '--bogus'], /bogus/],
    ];
    for (const [args, message] of cases) {
      const result = await cli(...args);
      expect(result.code, args.join(' ')).toBeGreaterThan(0);
      expect(result.stdout, args.join(' ')).toBe('');
      expect(result.stderr, args.join(' ')).toMatch(message);
    }
    expect({ users: await db.$count(users), tokens: await db.$count(accessTokens), targets: await db.$count(targets) }).toEqual(before);
  }, 60_000);
});
