import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type net from 'node:net';
import type { Db } from '../lib/db/client';
import type { AuditWriter } from '../gateway/core/audit-writer';
import type { ApprovalsHub } from '../gateway/core/approvals-hub';
import { CancelRegistry } from '../gateway/core/cancel-registry';
import { PolicyCache } from '../gateway/core/policy-cache';
import { MaskingCatalogCache } from '../gateway/core/masking-catalog-cache';
import { GrantCache } from '../gateway/core/grant-cache';
import { SessionRegistry } from '../gateway/core/session-registry';
import { startPgListener } from '../gateway/postgres/pg-listener';
import { loadTlsMaterial } from '../gateway/postgres/tls-certificate';

/** A gateway listener in the benchmark's own process, on an ephemeral loopback port, cleartext allowed from loopback. */
export async function startBenchGateway(options: { db: Db; audit: AuditWriter; approvals: ApprovalsHub | null; instance: string }): Promise<{ port: number; close: () => Promise<void> }> {
  const { db } = options;
  const listener: net.Server = await startPgListener({
    db,
    audit: options.audit,
    cancels: new CancelRegistry(),
    sessions: new SessionRegistry(),
    policies: new PolicyCache(db),
    maskingCatalogs: new MaskingCatalogCache(db),
    grants: new GrantCache(db),
    approvals: options.approvals,
    publicUrl: 'http://localhost:3000',
    gatewayInstance: options.instance,
    maxMessageBytes: 1 << 24,
    host: '127.0.0.1',
    port: 0,
    tls: await loadTlsMaterial({ dir: mkdtempSync(path.join(os.tmpdir(), 'gh-bench-tls-')) }),
    allowCleartextOnLoopback: true,
    preAuthTimeoutMs: 5000,
  });
  return { port: (listener.address() as net.AddressInfo).port, close: () => new Promise((r) => listener.close(() => r())) };
}

/** Runs a benchmark's main and exits: 0 when it finished, 1 with its message when it failed. */
export function runBench(name: string, main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (e) => {
      console.error(`[${name}] failed: ${(e as Error).message}`);
      process.exit(1);
    },
  );
}
