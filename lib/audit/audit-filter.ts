import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { isUuid } from '../ids';
import { STATEMENT_KINDS, type StatementKind } from '../sql/statement-types';
import { AUDIT_ACTIONS } from './audit-actions';

export const AUDIT_RESULT_KINDS = ['all', 'statements', 'events'] as const;
export const STATEMENT_DECISIONS = ['allow', 'block', 'require_approval'] as const;
export const MAX_AUDIT_PAGE = 200;

/** A point in the merged, newest-first order: the time to the microsecond and the row's id. */
export type AuditCursor = { at: string; id: string };

/** A statement-kind filter is a coarse kind ('write') or a command tag ('DELETE', 'DROP TABLE'). */
export type StatementKindFilter = { kind: StatementKind } | { command: string };

/**
 * Times leave the database as text to the microsecond: a JavaScript Date keeps milliseconds only,
 * and a cursor rounded to them would skip rows that fall inside the lost digits.
 */
export const MICRO_UTC = sql.raw(`'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'`);
const MICRO_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
/** A date, or a date and time; without a zone it is UTC, the zone every page shows. */
const TIME_INPUT = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

/** Form fields arrive as '' when left empty: that means "no filter", not an invalid value. */
const blank = <S extends z.ZodType>(schema: S) => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema);

const text = (max: number, label: string) => z.string().trim().max(max, `${label} must be at most ${max} characters`);

const time = (label: string) =>
  text(40, label)
    .regex(TIME_INPUT, `${label} must be a date or date and time, like 2025-01-31 or 2025-01-31T14:00`)
    .transform((v, ctx) => {
      const hasZone = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(v) && v.length > 10;
      const date = new Date(v.length === 10 ? `${v}T00:00:00Z` : hasZone ? v.replace(' ', 'T') : `${v.replace(' ', 'T')}Z`);
      if (Number.isNaN(date.getTime())) {
        ctx.addIssue({ code: 'custom', message: `${label} is not a real date` });
        return z.NEVER;
      }
      return date;
    });

const statementKind = text(64, 'Statement kind')
  .regex(/^[A-Za-z][A-Za-z _]*$/, 'Statement kind is a kind (read, write, ddl, ...) or a command like DELETE')
  .transform((v): StatementKindFilter => {
    const lower = v.toLowerCase();
    const kind = STATEMENT_KINDS.find((k) => k === lower);
    return kind ? { kind } : { command: v.toUpperCase().replace(/\s+/g, ' ') };
  });

const cursor = text(200, 'Cursor').transform((v, ctx): AuditCursor => {
  const decoded = decodeAuditCursor(v);
  if (!decoded) {
    ctx.addIssue({ code: 'custom', message: 'Cursor is not one this search returned' });
    return z.NEVER;
  }
  return decoded;
});

/** Strict: a misspelt filter is refused rather than silently ignored, which would widen the search. */
export const auditFilterSchema = z
  .strictObject({
    q: blank(text(200, 'Search').optional()),
    kind: blank(z.enum(AUDIT_RESULT_KINDS, 'Kind must be all, statements or events').default('all')),
    actor: blank(text(320, 'Actor').toLowerCase().optional()),
    target: blank(text(63, 'Target').optional()),
    action: blank(z.enum(AUDIT_ACTIONS, 'Action must be one of the recorded audit actions').optional()),
    decision: blank(z.enum(STATEMENT_DECISIONS, 'Decision must be allow, block or require_approval').optional()),
    statementKind: blank(statementKind.optional()),
    table: blank(text(200, 'Table').regex(/^[^\s"\\]+$/, 'Table is a name like payments or public.payments, without spaces or quotes').optional()),
    from: blank(time('From').optional()),
    to: blank(time('To').optional()),
    cursor: blank(cursor.optional()),
  })
  .refine((f) => !f.from || !f.to || f.from < f.to, { path: ['to'], message: 'To must be after From' });

export type AuditFilterInput = z.input<typeof auditFilterSchema>;

/** The query-string names of the filter, as the page form and the API use them. */
export const AUDIT_FILTER_KEYS = ['q', 'kind', 'actor', 'target', 'action', 'decision', 'statementKind', 'table', 'from', 'to', 'cursor'] as const;
export type AuditFilterKey = (typeof AUDIT_FILTER_KEYS)[number];
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export const auditLimitSchema = z.object({
  limit: blank(
    z.coerce
      .number('Limit must be a number')
      .int('Limit must be a whole number')
      .min(1, `Limit must be 1-${MAX_AUDIT_PAGE}`)
      .max(MAX_AUDIT_PAGE, `Limit must be 1-${MAX_AUDIT_PAGE}`)
      .default(50),
  ),
});

/** Whether statements can match: an action filter names audit events only. */
export function includesStatements(filter: AuditFilter): boolean {
  return filter.kind !== 'events' && !filter.action;
}

/** Whether audit events can match: decision, statement kind and table describe statements only. */
export function includesEvents(filter: AuditFilter): boolean {
  return filter.kind !== 'statements' && !filter.decision && !filter.statementKind && !filter.table;
}

export function encodeAuditCursor(c: AuditCursor): string {
  return Buffer.from(`${c.at}|${c.id}`, 'utf8').toString('base64url');
}

export function decodeAuditCursor(value: string): AuditCursor | null {
  const [at, id, ...rest] = Buffer.from(value, 'base64url').toString('utf8').split('|');
  if (rest.length || !at || !id || !MICRO_ISO.test(at) || !isUuid(id)) return null;
  return { at, id: id.toLowerCase() };
}
