import { GENESIS_HASH, linkHash } from '@/lib/audit/chain/link-hash';
import { outcomePayload, statementPayload } from '@/lib/audit/chain/link-payloads';
import type { AuditSink, ChainLink, StatementOutcome, StatementRecord } from './audit-sink';

const REFUSED_UNRECORDED: StatementOutcome = {
  commandTag: null,
  rowCount: null,
  sqlstate: '58000',
  errorMessage: 'not run: the audit store did not confirm the record',
  durationMs: 0,
};

/**
 * One session's hash chain (lib/audit/chain): every statement record and outcome the session
 * writes gets the next link number, the previous link's hash and its own, computed over exactly
 * what is stored (so this sits below the masking sink). The session's end reports the head, which
 * the session.ended event seals. A record the writer refused synchronously takes no link; a durable
 * record whose commit failed stays queued and gets an outcome saying it never ran, so the chain has
 * no gap.
 */
export function chainingAuditSink(sink: AuditSink, sessionId: string): AuditSink {
  let links = 0;
  let head = GENESIS_HASH;
  const next = (payloadOf: (link: number) => unknown): ChainLink => {
    const link = links + 1;
    const hash = linkHash(head, payloadOf(link));
    const chained = { link, prevHash: head, hash };
    links = link;
    head = hash;
    return chained;
  };
  const chainedRecord = (record: StatementRecord): StatementRecord => ({
    ...record,
    approvalId: record.approvalId ?? null,
    chain: next((link) => statementPayload({ ...record, approvalId: record.approvalId ?? null, link })),
  });
  const complete = (id: string, outcome: StatementOutcome) => {
    const full = { ...outcome, masked: outcome.masked ?? false, columns: outcome.columns ?? null, rows: outcome.rows ?? null, rowsTruncated: outcome.rowsTruncated ?? false };
    sink.completeStatement(id, { ...full, sessionId, chain: next((link) => outcomePayload({ ...full, statementId: id, link })) });
  };
  return {
    startSession: (session) => sink.startSession(session),
    recordDurable: (record) => {
      const chained = chainedRecord(record);
      return sink.recordDurable(chained).catch((e: unknown) => {
        complete(record.id, REFUSED_UNRECORDED);
        throw e;
      });
    },
    recordBatched: (record) => {
      const before = { links, head };
      try {
        sink.recordBatched(chainedRecord(record));
      } catch (e) {
        ({ links, head } = before);
        throw e;
      }
    },
    completeStatement: complete,
    endSession: (id, reason) => sink.endSession(id, reason, { links, head }),
  };
}
