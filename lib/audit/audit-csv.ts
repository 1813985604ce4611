import type { AuditResult } from './search-audit';

/** The export's columns, in order; a statement and an event each fill the ones that apply to them. */
export const AUDIT_CSV_COLUMNS = [
  'type',
  'at',
  'id',
  'actor',
  'actor_role',
  'actor_address',
  'action',
  'target',
  'session_id',
  'statement',
  'params',
  'kinds',
  'commands',
  'tables',
  'decision',
  'rule_id',
  'rule_name',
  'message',
  'command_tag',
  'row_count',
  'sqlstate',
  'error_message',
  'duration_ms',
  'masked',
  'approval_id',
  'approval_status',
  'approvers',
  'subject_type',
  'subject_id',
  'summary',
  'details',
] as const;

type Column = (typeof AUDIT_CSV_COLUMNS)[number];
type Cell = string | number | boolean | null | undefined;

/** A spreadsheet runs a cell that starts with one of these as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field: text that a spreadsheet would take for a formula gets a leading apostrophe, then
 * RFC 4180 quoting (a field with a comma, quote or line break is quoted, quotes doubled).
 * Numbers and booleans are written as they are.
 */
export function csvField(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** RFC 4180 lines end with CRLF. */
export function csvLine(cells: readonly Cell[]): string {
  return `${cells.map(csvField).join(',')}\r\n`;
}

export function auditCsvHeader(): string {
  return csvLine(AUDIT_CSV_COLUMNS);
}

export function auditCsvRow(result: AuditResult): string {
  const cells = result.type === 'statement' ? statementCells(result) : eventCells(result);
  return csvLine(AUDIT_CSV_COLUMNS.map((column) => cells[column]));
}

function statementCells(r: Extract<AuditResult, { type: 'statement' }>): Partial<Record<Column, Cell>> {
  return {
    type: 'statement',
    at: r.at,
    id: r.id,
    actor: r.userEmail,
    target: r.targetName,
    session_id: r.sessionId,
    statement: r.text,
    params: r.params ? JSON.stringify(r.params) : null,
    kinds: r.classification?.kinds.join(' '),
    commands: r.classification?.commands.join('; '),
    tables: r.classification?.tables.join(' '),
    decision: r.decision,
    rule_id: r.ruleId,
    rule_name: r.ruleName,
    message: r.message,
    command_tag: r.outcome?.commandTag,
    row_count: r.outcome?.rowCount,
    sqlstate: r.outcome?.sqlstate,
    error_message: r.outcome?.errorMessage,
    duration_ms: r.outcome?.durationMs,
    masked: r.outcome?.masked,
    approval_id: r.approval?.id,
    approval_status: r.approval?.status,
    approvers: r.approval?.decisions.map((d) => `${d.email} ${d.decision}${d.reason ? `: ${d.reason}` : ''}`).join('; '),
    summary: r.summary,
  };
}

function eventCells(r: Extract<AuditResult, { type: 'event' }>): Partial<Record<Column, Cell>> {
  return {
    type: 'event',
    at: r.at,
    id: r.id,
    actor: r.actorEmail,
    actor_role: r.actorRole,
    actor_address: r.actorAddress,
    action: r.action,
    target: r.targetName,
    session_id: r.subjectType === 'session' ? r.subjectId : null,
    subject_type: r.subjectType,
    subject_id: r.subjectId,
    summary: r.summary,
    details: JSON.stringify(r.details),
  };
}
