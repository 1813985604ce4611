import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type net from 'node:net';
import postgres from 'postgres';
import { afterAll, beforeAll } from 'vitest';
import { CLI_ACTOR } from '../lib/auth/actor';
import { getSqlClient, type Db } from '../lib/db/client';
import { getEnv } from '../lib/env';
import type { Role } from '../lib/db/schema';
import { createUser } from '../lib/users/create-user';
import { createTarget } from '../lib/targets/create-target';
import { createAccessToken } from '../lib/tokens/create-access-token';
import { initSqlParser } from '../lib/sql/classify-sql';
import { AuditWriter } from '../gateway/core/audit-writer';
import { CancelRegistry } from '../gateway/core/cancel-registry';
import { PolicyCache } from '../gateway/core/policy-cache';
import { MaskingCatalogCache } from '../gateway/core/masking-catalog-cache';
import { GrantCache } from '../gateway/core/grant-cache';
import { ApprovalsHub } from '../gateway/core/approvals-hub';
import { SessionRegistry } from '../gateway/core/session-registry';
import { startPgListener } from '../gateway/postgres/pg-listener';
import { loadTlsMaterial } from '../gateway/postgres/tls-certificate';
import { createScratchTarget, dropScratchTarget, type ScratchTarget } from './scratch-target';
import { uniqueName } from './db';

export type GatewayHarness = {
  port: number;
  targetName: string;
  target: ScratchTarget;
  /** A direct connection to the target database, to check effects behind the gateway's back. */
  direct: postgres.Sql;
  audit: AuditWriter;
  approvals: ApprovalsHub | null;
  sessions: SessionRegistry;
  tokenFor: (role?: Role) => Promise<string>;
  connectionString: (token: string, extra?: string) => string;
};

const TARGET_SCHEMA = `
  create table payments (id serial primary key, customer text not null, amount_cents int not null, status text not null default 'settled');
  insert into payments (customer, amount_cents) select 'customer ' || i, i * 100 from generate_series(1, 20) i;
  create function delete_everything() returns int language sql as 'delete from payments returning 1';
`;

/** A real gateway on an ephemeral port, in front of a real scratch target, recording into the run's store. */
export function setupGateway(store: { db: Db; sql: postgres.Sql }, options: { approvals?: boolean; cleartextOnLoopback?: boolean; auditSql?: postgres.Sql } = {}): GatewayHarness {
  const { db } = store;
  const h = {} as GatewayHarness;
  let server: net.Server;
  beforeAll(async () => {
    await initSqlParser();
    h.target = await createScratchTarget(getEnv().DATABASE_URL);
    const owner = postgres(h.target.url, { max: 1, onnotice: () => {} });
    await owner.unsafe(TARGET_SCHEMA);
    await owner.unsafe(`grant all on all tables in schema public to "${h.target.username}"; grant all on all sequences in schema public to "${h.target.username}"`);
    await owner.end();
    h.direct = postgres(h.target.url, { max: 2, onnotice: () => {} });
    const t = await createTarget(db, {
      actor: CLI_ACTOR,
      input: { name: uniqueName('gw'), host: h.target.host, port: h.target.port, database: h.target.database, username: h.target.username, password: h.target.password, tlsMode: 'disable' },
    });
    h.targetName = t.name;
    // The gateway writes as the application role, as in production: audit rows are append-only to it.
    h.audit = new AuditWriter(options.auditSql ?? getSqlClient());
    h.approvals = null;
    if (options.approvals) {
      h.approvals = new ApprovalsHub({ db, redisUrl: getEnv().REDIS_URL, prefix: getEnv().REDIS_PREFIX, publicUrl: 'http://gatehouse.test' });
      await h.approvals.start();
    }
    h.sessions = new SessionRegistry();
    const tls = await loadTlsMaterial({ dir: mkdtempSync(path.join(os.tmpdir(), 'gh-tls-')) });
    server = await startPgListener({
      db,
      audit: h.audit,
      cancels: new CancelRegistry(),
      sessions: h.sessions,
      policies: new PolicyCache(db, 200),
      maskingCatalogs: new MaskingCatalogCache(db),
      grants: new GrantCache(db, 200),
      approvals: h.approvals,
      publicUrl: 'http://gatehouse.test',
      gatewayInstance: `test-${process.pid}`,
      maxMessageBytes: 16 * 1024 * 1024,
      host: '127.0.0.1',
      port: 0,
      tls,
      allowCleartextOnLoopback: options.cleartextOnLoopback ?? false,
      preAuthTimeoutMs: 5000,
    });
    h.port = (server.address() as net.AddressInfo).port;
    h.tokenFor = async (role: Role = 'user') => {
      const email = `${uniqueName(role)}@gw.test`;
      await createUser(db, { actor: CLI_ACTOR, input: { email, role, password: 'gateway-test-password' } });
      return (await createAccessToken(db, { actor: CLI_ACTOR, input: { name: 'gw', userEmail: email } })).token;
    };
    h.connectionString = (token, extra = '') =>
      `postgres://anyone:${encodeURIComponent(token)}@127.0.0.1:${h.port}/${h.targetName}?sslmode=require${extra}`;
  });
  afterAll(async () => {
    h.sessions?.terminateWhere(() => true, 'test finished');
    await new Promise((r) => server?.close(r));
    await h.approvals?.stop();
    await h.audit?.close();
    await h.direct?.end();
    if (h.target) await dropScratchTarget(h.target);
  });
  return h;
}
