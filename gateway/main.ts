import os from 'node:os';
import type net from 'node:net';
import { getEnv } from '../lib/env';
import { closeDb, getDb, getSqlClient } from '../lib/db/client';
import { checkRedis } from '../lib/setup/check-redis';
import { initSqlParser } from '../lib/sql/classify-sql';
import { closeOrphanedSessions } from '../lib/audit/session-lifecycle';
import { assertMasterKeyOpensTargets } from '../lib/targets/check-master-key';
import { AuditWriter } from './core/audit-writer';
import { CancelRegistry } from './core/cancel-registry';
import { PolicyCache } from './core/policy-cache';
import { MaskingCatalogCache } from './core/masking-catalog-cache';
import { GrantCache } from './core/grant-cache';
import { ApprovalsHub } from './core/approvals-hub';
import { abortApprovalRequests } from '../lib/approvals/abort-approval-requests';
import { SessionRegistry } from './core/session-registry';
import { SessionControl } from './core/session-control';
import { startRetentionScheduler } from './core/retention-scheduler';
import { startPgListener } from './postgres/pg-listener';
import { loadTlsMaterial } from './postgres/tls-certificate';

export type Gateway = { stop(): Promise<void>; port: number };

/**
 * Starts the gateway, embedded in the portal (instrumentation.ts) or on its own (`gatehouse
 * gateway`): warms the SQL parser, closes the sessions a previous run of this instance left open,
 * loads or generates the TLS certificate, and opens the PostgreSQL listener on GATEWAY_PG_PORT.
 */
export async function startGateway(): Promise<Gateway> {
  const env = getEnv();
  await checkRedis(env.REDIS_URL);
  await initSqlParser();
  const db = getDb();
  await assertMasterKeyOpensTargets(db);
  const gatewayInstance = `${os.hostname()}:${env.GATEWAY_PG_PORT}`;
  const orphaned = await closeOrphanedSessions(db, gatewayInstance, 'gateway restarted');
  if (orphaned) console.warn(`gateway: marked ${orphaned} session(s) left open by a previous run as ended`);
  const aborted = await abortApprovalRequests(db, gatewayInstance);
  if (aborted) console.warn(`gateway: marked ${aborted} approval request(s) held by a previous run as aborted`);
  const approvals = new ApprovalsHub({ db, redisUrl: env.REDIS_URL, prefix: env.REDIS_PREFIX, publicUrl: env.PUBLIC_URL });
  await approvals.start();
  const retention = await startRetentionScheduler({ db, redisUrl: env.REDIS_URL, prefix: env.REDIS_PREFIX });
  const tls = await loadTlsMaterial({ certPath: env.GATEWAY_TLS_CERT, keyPath: env.GATEWAY_TLS_KEY, dir: env.GATEWAY_TLS_DIR });
  if (tls.generated) console.warn(`gateway: generated a self-signed TLS certificate at ${tls.certPath}; set GATEWAY_TLS_CERT and GATEWAY_TLS_KEY in production`);
  const audit = new AuditWriter(getSqlClient());
  const sessions = new SessionRegistry();
  const control = new SessionControl({ db, sessions, redisUrl: env.REDIS_URL, prefix: env.REDIS_PREFIX });
  await control.start();
  const server: net.Server = await startPgListener({
    db,
    audit,
    cancels: new CancelRegistry(),
    sessions,
    policies: new PolicyCache(db),
    maskingCatalogs: new MaskingCatalogCache(db),
    grants: new GrantCache(db),
    approvals,
    publicUrl: env.PUBLIC_URL,
    gatewayInstance,
    maxMessageBytes: env.GATEWAY_MAX_MESSAGE_BYTES,
    host: env.GATEWAY_HOST,
    port: env.GATEWAY_PG_PORT,
    tls,
    allowCleartextOnLoopback: env.GATEWAY_ALLOW_CLEARTEXT_LOOPBACK === 'true',
    preAuthTimeoutMs: env.GATEWAY_PREAUTH_TIMEOUT_MS,
  }).catch((e: Error) => {
    throw new Error(`cannot listen on ${env.GATEWAY_HOST}:${env.GATEWAY_PG_PORT} (GATEWAY_PG_PORT): ${e.message}`);
  });
  console.log(`gateway: PostgreSQL listener on ${env.GATEWAY_HOST}:${env.GATEWAY_PG_PORT}`);
  let stopping: Promise<void> | undefined;
  return {
    port: env.GATEWAY_PG_PORT,
    stop() {
      stopping ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          sessions.terminateWhere(() => true, 'the gateway is shutting down');
        });
        await control.stop();
        await retention.stop();
        await approvals.stop();
        await audit.close();
        console.log('gateway: stopped');
      })();
      return stopping;
    },
  };
}

/** Runs the gateway as its own process until SIGTERM or SIGINT; a second signal stops at once. */
export async function runGateway(): Promise<void> {
  const gateway = await startGateway();
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  console.log(`gateway: ${signal} received, stopping`);
  const force = () => process.exit(1);
  process.once('SIGTERM', force);
  process.once('SIGINT', force);
  try {
    await gateway.stop();
    await closeDb();
  } finally {
    process.off('SIGTERM', force);
    process.off('SIGINT', force);
  }
}
