import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { createDb, type Db } from '../../db/client';
import { appDatabaseUrl } from '../../db/app-role';
import { dropDatabase } from '../../db/ensure-database';
import { migrateDatabase } from '../../db/migrate';
import { getEnv } from '../../env';
import { gatewaySessions, statementOutcomes, statements, targetPolicies, targets } from '../../db/schema';
import { appendAuditEvent } from '../append-audit-event';
import { GENESIS_HASH, linkHash } from './link-hash';
import { outcomePayload, statementPayload } from './link-payloads';

/**
 * Test helpers for the chain verifier. A whole-store verification sees every row, so these tests
 * get a migrated database of their own rather than the run's shared one, where other files'
 * sessions come and go.
 */

type Handle = ReturnType<typeof createDb>;
export type PrivateStore = { url: string; owner: Handle; app: Handle };

/** A migrated database for the file's tests, reached as its owner and as the application role; dropped afterwards. */
export function setupPrivateStore(): PrivateStore {
  const store = {} as PrivateStore;
  beforeAll(async () => {
    const env = getEnv();
    const url = new URL(env.DATABASE_URL);
    url.pathname = `${url.pathname}_chain_${randomBytes(4).toString('hex')}`;
    const appUrl = new URL(appDatabaseUrl(env.DATABASE_URL, env.DATABASE_APP_URL));
    appUrl.pathname = url.pathname;
    await migrateDatabase(url.toString(), appUrl.toString());
    Object.assign(store, { url: url.toString(), owner: createDb(url.toString(), { max: 4 }), app: createDb(appUrl.toString(), { max: 4 }) });
  });
  afterAll(async () => {
    await store.owner?.sql.end({ timeout: 5 });
    await store.app?.sql.end({ timeout: 5 });
    if (store.url) await dropDatabase(store.url);
  });
  return store;
}

export async function createRetentionTarget(db: Db, retentionDays: number | null): Promise<{ id: string; name: string }> {
  const target = { id: randomUUID(), name: `chain-${randomBytes(4).toString('hex')}` };
  await db.insert(targets).values({ ...target, host: '127.0.0.1', port: 5432, database: 'x', username: 'x', passwordCiphertext: 'not-a-real-ciphertext' });
  await db.insert(targetPolicies).values({ targetId: target.id, rules: [], settings: { retentionDays } });
  return target;
}

export type FakeStatement = { text: string; outcome?: boolean; outcomeLate?: boolean };

export type FakeSessionOptions = {
  target?: { id: string; name: string };
  statements: FakeStatement[];
  /** When the session ended; null leaves it live. */
  endedAt?: Date | null;
  startedAt?: Date;
};

/**
 * Writes a session the way the gateway does: the row and its session.started event, statements
 * and outcomes sharing one chain of links (an outcome marked late comes after the next
 * statement), and, once ended, the session.ended event sealing the links and the head.
 */
export async function writeChainedSession(db: Db, options: FakeSessionOptions): Promise<{ id: string; statementIds: string[]; links: number; head: string }> {
  const id = randomUUID();
  const target = options.target ?? { id: null, name: 'no-target' };
  const startedAt = options.startedAt ?? new Date();
  const endedAt = options.endedAt === undefined ? new Date() : options.endedAt;
  const row = { id, userEmail: 'chain@example.test', targetId: target.id, targetName: target.name, clientAddress: '127.0.0.1', applicationName: 'psql', gatewayInstance: 'chain-test' };
  await db.insert(gatewaySessions).values({ ...row, startedAt, endedAt, endReason: endedAt ? 'client terminated' : null });
  await appendAuditEvent(db, {
    actor: { id: null, email: row.userEmail },
    action: 'session.started',
    subjectType: 'session',
    subjectId: id,
    summary: `${row.userEmail} connected to ${target.name}`,
    details: { targetId: target.id, targetName: target.name, userId: null, tokenId: null, clientAddress: row.clientAddress, applicationName: row.applicationName, gatewayInstance: row.gatewayInstance },
  });
  let links = 0;
  let head = GENESIS_HASH;
  const chain = <T>(payloadOf: (link: number) => T) => {
    const link = ++links;
    const prevHash = head;
    head = linkHash(prevHash, payloadOf(link));
    return { link, prevHash, hash: head };
  };
  const statementIds: string[] = [];
  let late: (() => Promise<void>) | null = null;
  for (const [i, s] of options.statements.entries()) {
    const record = {
      id: randomUUID(),
      sessionId: id,
      seq: i + 1,
      protocol: 'simple',
      text: s.text,
      params: null,
      classification: { kinds: ['select'], tables: [], functions: [], flags: [], commands: ['SELECT'] },
      decision: 'allow',
      ruleId: null,
      ruleName: null,
      message: null,
      approvalId: null,
      startedAt: new Date(startedAt.getTime() + i),
    };
    statementIds.push(record.id);
    await db.insert(statements).values({ ...record, ...chain((link) => statementPayload({ ...record, link })) });
    const pending = late;
    late = null;
    if (pending) await pending();
    if (!s.outcome) continue;
    const outcome = {
      statementId: record.id,
      commandTag: 'SELECT 1',
      rowCount: 1,
      sqlstate: null,
      errorMessage: null,
      durationMs: 0.25 + i,
      masked: false,
      columns: [{ name: 'n', typeOid: 23 }],
      rows: [[String(i)]],
      rowsTruncated: false,
    };
    const write = async () => {
      await db.insert(statementOutcomes).values({ ...outcome, sessionId: id, ...chain((link) => outcomePayload({ ...outcome, link })) });
    };
    if (s.outcomeLate) late = write;
    else await write();
  }
  if (late) await late();
  if (endedAt) {
    await appendAuditEvent(db, {
      actor: { id: null, email: row.userEmail },
      action: 'session.ended',
      subjectType: 'session',
      subjectId: id,
      summary: `${row.userEmail}'s session on ${target.name} ended: client terminated`,
      details: { reason: 'client terminated', links, head },
    });
  }
  return { id, statementIds, links, head };
}
