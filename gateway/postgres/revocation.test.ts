import { spawn } from 'node:child_process';
import net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, eq } from 'drizzle-orm';
import pg from 'pg';
import { setupTestDb, uniqueName } from '@/test/db';
import { setupGateway, type GatewayHarness } from '@/test/gateway-harness';
import { makeActor } from '@/test/actors';
import { CLI_ACTOR, type Actor } from '@/lib/auth/actor';
import { createDb } from '@/lib/db/client';
import { appDatabaseUrl } from '@/lib/db/app-role';
import { getEnv } from '@/lib/env';
import { accessTokens, auditEvents, gatewaySessions } from '@/lib/db/schema';
import { createUser } from '@/lib/users/create-user';
import { updateUser } from '@/lib/users/update-user';
import { createAccessToken } from '@/lib/tokens/create-access-token';
import { revokeAccessToken } from '@/lib/tokens/revoke-access-token';
import { SessionControl } from '../core/session-control';
import type { SessionRegistry } from '../core/session-registry';

const store = setupTestDb();
const { db } = store;
const gwA = setupGateway(store);
const gwB = setupGateway(store);
const CUT_OFF_MS = 5000;
const REDIS_ONLY = 600_000; // a re-check that never comes during a test: only the Redis message can end the session
const controls: SessionControl[] = [];
const clients: pg.Client[] = [];
let admin: Actor;

beforeAll(async () => {
  admin = await makeActor(db, 'admin');
});
afterEach(async () => {
  vi.restoreAllMocks();
  for (const c of controls.splice(0)) await c.stop();
  for (const c of clients.splice(0)) await c.end().catch(() => {});
});

async function startControl(sessions: SessionRegistry, options: { prefix?: string; recheckMs?: number; db?: typeof db } = {}) {
  const control = new SessionControl({ db: options.db ?? db, sessions, redisUrl: getEnv().REDIS_URL, prefix: options.prefix ?? getEnv().REDIS_PREFIX, recheckMs: options.recheckMs });
  await control.start();
  controls.push(control);
}

/** A user or service identity with access tokens of its own. */
async function identity(kind: 'human' | 'service' = 'human') {
  const email = `${uniqueName(kind)}@revocation.test`;
  const { user } = await createUser(db, { actor: CLI_ACTOR, input: { email, role: 'user', kind, password: kind === 'human' ? 'gateway-test-password' : undefined } });
  const token = async (name: string) => {
    const { token: text, record } = await createAccessToken(db, { actor: CLI_ACTOR, input: { name, userEmail: email } });
    return { text, id: record.id, name };
  };
  return { id: user.id, email, token };
}

const url = (gw: GatewayHarness, token: string) => gw.connectionString(token).replace('?sslmode=require', '');

async function connect(gw: GatewayHarness, token: string) {
  const client = new pg.Client({ connectionString: url(gw, token), ssl: { rejectUnauthorized: false } });
  await client.connect();
  await client.query('select 1');
  clients.push(client);
  return client;
}

/** A live session, and the FATAL error it ends with. */
async function liveSession(gw: GatewayHarness, token: string) {
  const client = await connect(gw, token);
  const ended = new Promise<Error>((resolve) => client.on('error', resolve));
  return { client, ended };
}

/** Waits for the promise at most `ms`: the deadline of the wait is the assertion of speed. */
function within<T>(promise: Promise<T>, what: string, ms = CUT_OFF_MS): Promise<T> {
  let timer: NodeJS.Timeout;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

async function until<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  return within(
    (async () => {
      for (;;) {
        const value = await probe();
        if (value !== undefined) return value;
        await new Promise((r) => setTimeout(r, 50));
      }
    })(),
    what,
  );
}

/** The end reason of the token's session, as recorded on the session row and its 'session.ended' event. */
async function recordedEnd(tokenId: string): Promise<{ endReason: string | null; event: unknown }> {
  const [session] = await until(async () => {
    const rows = await db.select().from(gatewaySessions).where(eq(gatewaySessions.tokenId, tokenId));
    return rows.length > 0 && rows.every((r) => r.endedAt) ? rows : undefined;
  }, 'recording the end of the session');
  const [event] = await db
    .select({ reason: auditEvents.details })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, 'session.ended'), eq(auditEvents.subjectId, session!.id)));
  return { endReason: session!.endReason, event: event?.reason.reason };
}

async function expectAlive(client: pg.Client) {
  expect((await client.query("select 'still here' as s")).rows).toEqual([{ s: 'still here' }]);
}

describe('revoking an access token', () => {
  it('ends its live session at once over Redis, tells the client who revoked it, records why and refuses new connections', async () => {
    await startControl(gwA.sessions, { recheckMs: REDIS_ONLY });
    const someone = await identity();
    const [revoked, kept] = [await someone.token('ci-deploy'), await someone.token('laptop')];
    const session = await liveSession(gwA, revoked.text);
    const other = await liveSession(gwA, kept.text);

    await revokeAccessToken(db, { actor: admin, tokenId: revoked.id });

    const reason = `access token "ci-deploy" was revoked by ${admin.email}`;
    expect((await within(session.ended, 'ending the session')).message).toBe(`Gatehouse: ${reason}`);
    expect(await recordedEnd(revoked.id)).toEqual({ endReason: reason, event: reason });
    await expectAlive(other.client);
    await expect(connect(gwA, revoked.text)).rejects.toThrow('Access token "ci-deploy" was revoked');
  });

  it('ends a psql session, which prints who revoked the token on its next command', async () => {
    await startControl(gwA.sessions, { recheckMs: REDIS_ONLY });
    const token = await (await identity()).token('psql-user');
    const psql = spawn('psql', ['-X', '-At', gwA.connectionString(token.text)]);
    let stdout = '';
    let stderr = '';
    psql.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    psql.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => psql.on('close', resolve));
    psql.stdin.write("select 'ready';\n");
    await until(async () => (stdout.includes('ready') ? true : undefined), 'psql connecting');

    await revokeAccessToken(db, { actor: admin, tokenId: token.id });

    const reason = `access token "psql-user" was revoked by ${admin.email}`;
    expect((await recordedEnd(token.id)).endReason).toBe(reason);
    psql.stdin.end("select 'after';\n");
    expect(await within(exited, 'psql exiting')).not.toBe(0);
    expect(stderr).toContain(`FATAL:  Gatehouse: ${reason}`);
    expect(stdout).not.toContain('after');
  });
});

describe('disabling an identity', () => {
  it('ends every session of every token of that user, and nobody else’s, and refuses new connections', async () => {
    await startControl(gwA.sessions, { recheckMs: REDIS_ONLY });
    const user = await identity();
    const [t1, t2] = [await user.token('one'), await user.token('two')];
    const sessions = [await liveSession(gwA, t1.text), await liveSession(gwA, t2.text)];
    const bystander = await liveSession(gwA, (await (await identity()).token('bystander')).text);

    await updateUser(db, { actor: admin, userId: user.id, input: { disabled: true } });

    const reason = `user ${user.email} was disabled by ${admin.email}`;
    for (const s of sessions) expect((await within(s.ended, 'ending the session')).message).toBe(`Gatehouse: ${reason}`);
    for (const t of [t1, t2]) expect(await recordedEnd(t.id)).toEqual({ endReason: reason, event: reason });
    await expectAlive(bystander.client);
    await expect(connect(gwA, t1.text)).rejects.toThrow(`User ${user.email} is disabled`);
  });

  it('names a disabled service identity as such', async () => {
    await startControl(gwA.sessions, { recheckMs: REDIS_ONLY });
    const agent = await identity('service');
    const session = await liveSession(gwA, (await agent.token('agent')).text);
    await updateUser(db, { actor: admin, userId: agent.id, input: { disabled: true } });
    expect((await within(session.ended, 'ending the session')).message).toBe(`Gatehouse: service identity ${agent.email} was disabled by ${admin.email}`);
  });
});

describe('with two gateway instances', () => {
  it('each instance ends its own sessions of a revoked token and of a disabled identity', async () => {
    expect(gwA.port).not.toBe(gwB.port);
    await startControl(gwA.sessions, { recheckMs: REDIS_ONLY });
    await startControl(gwB.sessions, { recheckMs: REDIS_ONLY });
    const token = await (await identity()).token('shared');
    const onA = await liveSession(gwA, token.text);
    const onB = await liveSession(gwB, token.text);
    await revokeAccessToken(db, { actor: admin, tokenId: token.id });
    const revoked = `Gatehouse: access token "shared" was revoked by ${admin.email}`;
    expect((await within(onA.ended, 'ending the session on instance A')).message).toBe(revoked);
    expect((await within(onB.ended, 'ending the session on instance B')).message).toBe(revoked);

    const user = await identity();
    const userOnA = await liveSession(gwA, (await user.token('a')).text);
    const userOnB = await liveSession(gwB, (await user.token('b')).text);
    await updateUser(db, { actor: admin, userId: user.id, input: { disabled: true } });
    const disabled = `Gatehouse: user ${user.email} was disabled by ${admin.email}`;
    expect((await within(userOnA.ended, 'ending the session on instance A')).message).toBe(disabled);
    expect((await within(userOnB.ended, 'ending the session on instance B')).message).toBe(disabled);
  });
});

describe('when the Redis message is lost', () => {
  it('the re-check every 2 s finds revoked, disabled and expired identities in the store and names who cut them off', async () => {
    await startControl(gwA.sessions, { prefix: `${getEnv().REDIS_PREFIX}-elsewhere` });
    await startControl(gwB.sessions, { prefix: `${getEnv().REDIS_PREFIX}-elsewhere` });
    const token = await (await identity()).token('lost-message');
    const user = await identity();
    const expiring = await (await identity()).token('short-lived');
    const revokedSession = await liveSession(gwA, token.text);
    const disabledSession = await liveSession(gwB, (await user.token('u')).text);
    const expiredSession = await liveSession(gwA, expiring.text);

    await revokeAccessToken(db, { actor: admin, tokenId: token.id });
    await updateUser(db, { actor: admin, userId: user.id, input: { disabled: true } });
    await db.update(accessTokens).set({ expiresAt: new Date() }).where(eq(accessTokens.id, expiring.id));

    const [revoked, disabled, expired] = await within(Promise.all([revokedSession.ended, disabledSession.ended, expiredSession.ended]), 'ending the sessions');
    expect(revoked.message).toBe(`Gatehouse: access token "lost-message" was revoked by ${admin.email}`);
    expect(disabled.message).toBe(`Gatehouse: user ${user.email} was disabled by ${admin.email}`);
    expect(expired.message).toBe('Gatehouse: access token "short-lived" expired');
  });
});

describe('when the store fails during the re-check', () => {
  let relay: Relay;
  let relayed: ReturnType<typeof createDb>;
  beforeAll(async () => {
    relay = await startRelay();
    relayed = createDb(relayedUrl(relay.port), { max: 2 });
  });
  afterAll(async () => {
    await relayed?.sql.end({ timeout: 1 });
    await relay?.close();
  });

  it('logs, keeps the gateway running, and retries until the store answers', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    await startControl(gwA.sessions, { prefix: `${getEnv().REDIS_PREFIX}-elsewhere`, recheckMs: 200, db: relayed.db });
    const token = await (await identity()).token('during-outage');
    const session = await liveSession(gwA, token.text);
    let ended = false;
    void session.ended.then(() => (ended = true));

    await relay.cut();
    await revokeAccessToken(db, { actor: admin, tokenId: token.id });
    const failures = () => errors.mock.calls.filter(([m]) => String(m).includes('could not re-check live sessions')).length;
    await until(async () => (failures() >= 2 ? true : undefined), 'two failed re-checks');
    expect(ended).toBe(false);
    await expectAlive(session.client);

    await relay.restore();
    expect((await within(session.ended, 'ending the session once the store is back')).message).toBe(`Gatehouse: access token "during-outage" was revoked by ${admin.email}`);
  });
});

function relayedUrl(port: number): string {
  const env = getEnv();
  const u = new URL(appDatabaseUrl(env.DATABASE_URL, env.DATABASE_APP_URL));
  u.hostname = '127.0.0.1';
  u.port = String(port);
  return u.toString();
}

type Relay = Awaited<ReturnType<typeof startRelay>>;

/** A TCP relay to the store that can be cut (connections dropped, new ones refused) and restored on the same port. */
async function startRelay() {
  const store = new URL(getEnv().DATABASE_URL);
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect({ host: store.hostname, port: Number(store.port || 5432) });
    sockets.add(client).add(upstream);
    client.pipe(upstream).pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', close).on('error', close);
    upstream.on('close', close).on('error', close);
  });
  const listen = (port: number) => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  await listen(0);
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    async cut() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const s of sockets) s.destroy();
      await closed;
    },
    restore: () => listen(port),
    close: () => new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve())),
  };
}
