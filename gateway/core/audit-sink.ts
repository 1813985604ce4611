import type { DelegationChain, RecordedColumn } from '@/lib/db/schema';

export type StatementClassification = { kinds: string[]; tables: string[]; functions: string[]; flags: string[]; commands: string[] } | null;

export type StatementRecord = {
  id: string;
  sessionId: string;
  seq: number;
  protocol: 'simple' | 'extended';
  text: string;
  params: (string | null)[] | null;
  classification: StatementClassification;
  decision: 'allow' | 'block' | 'require_approval';
  ruleId: string | null;
  ruleName: string | null;
  message: string | null;
  approvalId?: string | null;
  startedAt: Date;
  chain?: ChainLink;
};

export type StatementOutcome = {
  commandTag: string | null;
  rowCount: number | null;
  sqlstate: string | null;
  errorMessage: string | null;
  durationMs: number;
  /** Whether masking changed what the caller received. */
  masked?: boolean;
  /** The result's columns and first rows as the caller received them (gateway/postgres/result-capture.ts). */
  columns?: RecordedColumn[] | null;
  rows?: (string | null)[][] | null;
  rowsTruncated?: boolean;
};

/** Where a statement record or outcome sits in its session's hash chain (lib/audit/chain). */
export type ChainLink = { link: number; prevHash: string; hash: string };

/** The last link of a session's chain, written into its session.ended event. */
export type ChainHead = { links: number; head: string };

export type SessionStart = {
  id: string;
  userId: string;
  userEmail: string;
  tokenId: string | null;
  /** How the caller authenticated: a Gatehouse access token or the identity provider's JWT. */
  authMethod?: 'token' | 'jwt';
  /** Whom the caller acts for, outermost first; null when it acts for itself. */
  actingFor?: DelegationChain | null;
  targetId: string;
  targetName: string;
  clientAddress: string | null;
  applicationName: string | null;
  gatewayInstance: string;
};

export class AuditUnavailableError extends Error {
  constructor(reason: string) {
    super(`Gatehouse audit store unavailable (${reason}); statement refused so that nothing runs unrecorded`);
    this.name = 'AuditUnavailableError';
  }
}

/**
 * Where the engine reports what happens. `recordDurable` resolves only once the record is
 * committed (or rejects with AuditUnavailableError); `recordBatched` queues it for the next group
 * commit and throws AuditUnavailableError when the batch is full or the store is failing, so the
 * caller refuses the statement.
 */
export interface AuditSink {
  startSession(session: SessionStart): Promise<void>;
  recordDurable(record: StatementRecord): Promise<void>;
  recordBatched(record: StatementRecord): void;
  completeStatement(id: string, outcome: StatementOutcome & { chain?: ChainLink; sessionId?: string }): void;
  endSession(id: string, reason: string, head?: ChainHead): Promise<void>;
}
