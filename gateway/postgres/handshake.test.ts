import net from 'node:net';
import tls from 'node:tls';
import { describe, expect, it } from 'vitest';
import { setupTestDb } from '@/test/db';
import { setupGateway } from '@/test/gateway-harness';
import { RawPgClient } from '@/test/raw-pg-client';
import { MessageWriter } from './message-writer';
import { buildQuery, buildStartupMessage } from './frontend-messages';
import { StartupCode } from './message-codes';
import { parseNoticeFields } from './backend-messages';
import { createUser } from '@/lib/users/create-user';
import { CLI_ACTOR } from '@/lib/auth/actor';
import { createTarget } from '@/lib/targets/create-target';
import { createAccessToken } from '@/lib/tokens/create-access-token';

const store = setupTestDb();
const { db } = store;
const gw = setupGateway(store);

function open(): Promise<net.Socket> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port: gw.port }, () => resolve(socket));
  });
}

/** Everything the gateway sends until it closes the connection. */
function readToClose(socket: net.Socket | tls.TLSSocket, timeoutMs = 8000): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => reject(new Error('connection stayed open')), timeoutMs);
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', () => {});
    socket.on('close', () => (clearTimeout(timer), resolve(Buffer.concat(chunks))));
  });
}

const sslRequest = () => new MessageWriter().int32(StartupCode.SSLRequest).build(null);

describe('gateway handshake', () => {
  it('answers GSSENCRequest with N and continues', async () => {
    const socket = await open();
    socket.write(new MessageWriter().int32(StartupCode.GSSENCRequest).build(null));
    const answer = await new Promise<Buffer>((r) => socket.once('data', r));
    expect(answer.toString()).toBe('N');
    socket.destroy();
  });

  it('refuses bytes sent together with SSLRequest, before the TLS handshake (CVE-2021-23214)', async () => {
    const socket = await open();
    const closed = readToClose(socket);
    socket.write(Buffer.concat([sslRequest(), buildQuery('select 1')]));
    const received = await closed;
    expect(String.fromCharCode(received[0]!)).toBe('E');
    expect(parseNoticeFields(received.subarray(5))).toMatchObject({ S: 'FATAL', M: expect.stringContaining('before the encryption handshake') });
  });

  it('closes a connection that does not authenticate within the deadline', async () => {
    const socket = await open();
    const started = Date.now();
    await readToClose(socket, 10_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(4500);
  }, 15_000);

  it('refuses an unsupported protocol version with a FATAL', async () => {
    const socket = await open();
    const closed = readToClose(socket);
    socket.write(new MessageWriter().int32(2 << 16).cstring('user').cstring('x').byte(0).build(null));
    const fields = parseNoticeFields((await closed).subarray(5));
    expect(fields).toMatchObject({ S: 'FATAL', C: '0A000' });
  });

  it('refuses an unknown target name', async () => {
    const socket = await open();
    socket.write(sslRequest());
    await new Promise((r) => socket.once('data', r));
    const secure = tls.connect({ socket, rejectUnauthorized: false });
    await new Promise((r) => secure.once('secureConnect', r));
    const closed = readToClose(secure);
    secure.write(buildStartupMessage({ user: 'x', database: 'no-such-target' }));
    await new Promise((r) => setTimeout(r, 100));
    secure.write(new MessageWriter().cstring(await gw.tokenFor()).build(0x70));
    const fields = parseNoticeFields((await closed).subarray(9 + 5));
    expect(fields).toMatchObject({ S: 'FATAL', C: '3D000' });
  });

  it('refuses a token scoped to another target', async () => {
    const email = `scoped-${Date.now().toString(36)}@gw.test`;
    await createUser(db, { actor: CLI_ACTOR, input: { email, role: 'user' } });
    const other = await createTarget(db, {
      actor: CLI_ACTOR,
      input: { name: `other-${Date.now().toString(36)}`, host: 'db.example.test', port: 5432, database: 'x', username: 'x', password: 'x-password', tlsMode: 'require' },
    });
    const { token } = await createAccessToken(db, { actor: CLI_ACTOR, input: { name: 'scoped', userEmail: email, targets: [other.name] } });
    await expect(RawPgClient.connect(gw.port, gw.targetName, token)).rejects.toThrow(/not allowed to reach target/);
  });

  it('ends a session that sends a message over the size limit', async () => {
    const client = await RawPgClient.connect(gw.port, gw.targetName, await gw.tokenFor());
    const header = Buffer.from([0x51, 0x7f, 0xff, 0xff, 0xff]);
    client.send(header);
    await expect(client.until(0x5a)).rejects.toThrow(/exceeds the limit/);
    client.close();
  });
});
