/**
 * What each chained record's hash covers, field by field. The gateway builds these from what it
 * writes and `audit verify` from what it reads back, so the two must name the same fields.
 * docs/tamper-evidence.md lists them. Fields that may be absent are
 * written as null, as the store gives them back.
 */

export type StatementLinkFields = {
  id: string;
  sessionId: string;
  seq: number;
  link: number;
  protocol: string;
  text: string;
  params: (string | null)[] | null | undefined;
  classification: unknown;
  decision: string;
  ruleId: string | null | undefined;
  ruleName: string | null | undefined;
  message: string | null | undefined;
  approvalId: string | null | undefined;
  startedAt: Date;
};

export type OutcomeLinkFields = {
  statementId: string;
  link: number;
  commandTag: string | null;
  rowCount: number | null;
  sqlstate: string | null;
  errorMessage: string | null;
  durationMs: number | null;
  masked: boolean;
  columns: unknown;
  rows: unknown;
  rowsTruncated: boolean;
};

export type AuditEventLinkFields = {
  seq: number;
  id: string;
  at: Date;
  actorId: string | null;
  actorEmail: string;
  actorRole: string | null;
  actorAddress: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  summary: string;
  details: unknown;
};

export function statementPayload(r: StatementLinkFields) {
  return {
    kind: 'statement',
    id: r.id,
    sessionId: r.sessionId,
    seq: r.seq,
    link: r.link,
    protocol: r.protocol,
    text: r.text,
    params: r.params ?? null,
    classification: r.classification ?? null,
    decision: r.decision,
    ruleId: r.ruleId ?? null,
    ruleName: r.ruleName ?? null,
    message: r.message ?? null,
    approvalId: r.approvalId ?? null,
    startedAt: r.startedAt,
  };
}

export function outcomePayload(o: OutcomeLinkFields) {
  return {
    kind: 'outcome',
    statementId: o.statementId,
    link: o.link,
    commandTag: o.commandTag,
    rowCount: o.rowCount,
    sqlstate: o.sqlstate,
    errorMessage: o.errorMessage,
    durationMs: o.durationMs,
    masked: o.masked,
    columns: o.columns ?? null,
    rows: o.rows ?? null,
    rowsTruncated: o.rowsTruncated,
  };
}

export function auditEventPayload(e: AuditEventLinkFields) {
  return {
    kind: 'event',
    seq: e.seq,
    id: e.id,
    at: e.at,
    actorId: e.actorId,
    actorEmail: e.actorEmail,
    actorRole: e.actorRole,
    actorAddress: e.actorAddress,
    action: e.action,
    subjectType: e.subjectType,
    subjectId: e.subjectId,
    summary: e.summary,
    details: e.details,
  };
}
