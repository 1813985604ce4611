import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPrivatePostgres, type PrivatePostgres } from '@/test/private-postgres';
import { buildQuery } from './frontend-messages';
import { connectUpstream, type UpstreamTarget } from './upstream-connect';

let server: PrivatePostgres;
const port = 26000 + (process.pid % 4000);

beforeAll(() => {
  server = startPrivatePostgres({
    port,
    ssl: true,
    hba: [
      'host all scram_user 127.0.0.1/32 scram-sha-256',
      'host all md5_user 127.0.0.1/32 md5',
      'hostssl all pw_user 127.0.0.1/32 password',
      'hostnossl all pw_user 127.0.0.1/32 password',
    ],
  });
  server.psql("set password_encryption = 'scram-sha-256'; create role scram_user login password 'scram-secret'");
  server.psql("set password_encryption = 'md5'; create role md5_user login password 'md5-secret'");
  server.psql("create role pw_user login password 'plain-secret'");
}, 60_000);

afterAll(() => server?.stop());

const target = (overrides: Partial<UpstreamTarget>): UpstreamTarget => ({
  host: '127.0.0.1',
  port,
  database: 'postgres',
  username: 'scram_user',
  password: 'scram-secret',
  tlsMode: 'disable',
  ...overrides,
});

async function whoAmI(t: UpstreamTarget): Promise<string> {
  const conn = await connectUpstream(t, { application_name: 'gatehouse-test' });
  try {
    conn.socket.write(buildQuery('select current_user'));
    const data = await new Promise<Buffer>((resolve) => {
      let all = Buffer.alloc(0);
      conn.socket.on('data', (c: Buffer) => {
        all = Buffer.concat([all, c]);
        if (all.includes(Buffer.from([0x5a, 0, 0, 0, 5]))) resolve(all);
      });
    });
    return data.toString('latin1');
  } finally {
    conn.socket.destroy();
  }
}

describe('upstream authentication against a real server', () => {
  it('answers SCRAM-SHA-256', async () => {
    expect(await whoAmI(target({}))).toContain('scram_user');
  });

  it('answers md5', async () => {
    expect(await whoAmI(target({ username: 'md5_user', password: 'md5-secret' }))).toContain('md5_user');
  });

  it('sends a cleartext password only over TLS', async () => {
    await expect(connectUpstream(target({ username: 'pw_user', password: 'plain-secret' }), {})).rejects.toThrow(/refusing to send it/);
    expect(await whoAmI(target({ username: 'pw_user', password: 'plain-secret', tlsMode: 'require' }))).toContain('pw_user');
  });

  it('reports a wrong password as the server words it, without the password', async () => {
    const error = await connectUpstream(target({ password: 'wrong-password' }), {}).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/password authentication failed for user "scram_user"/);
    expect((error as Error).message).not.toContain('wrong-password');
  });

  it('refuses a self-signed certificate in verify-full mode', async () => {
    await expect(connectUpstream(target({ tlsMode: 'verify-full' }), {})).rejects.toThrow(/TLS to target failed/);
  });
});
