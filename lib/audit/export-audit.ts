import { z } from 'zod';
import type { Db } from '../db/client';
import { assertRole, type Actor } from '../auth/actor';
import { parseInput } from '../validation';
import { auditFilterSchema, decodeAuditCursor, type AuditFilter, type AuditFilterInput } from './audit-filter';
import { AUDIT_READER_ROLES, searchAuditPage, type AuditPage, type AuditResult } from './search-audit';
import { auditCsvHeader, auditCsvRow } from './audit-csv';

export const AUDIT_EXPORT_FORMATS = ['csv', 'jsonl'] as const;
export type AuditExportFormat = (typeof AUDIT_EXPORT_FORMATS)[number];

export const auditExportFormatSchema = z.enum(AUDIT_EXPORT_FORMATS, 'Format must be csv or jsonl').default('csv');

/** Rows fetched per round trip; the export holds one such page in memory, whatever its total size. */
export const EXPORT_PAGE_ROWS = 500;

const CONTENT_TYPES: Record<AuditExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  jsonl: 'application/x-ndjson; charset=utf-8',
};

export type AuditExport = { body: ReadableStream<Uint8Array>; contentType: string; filename: string };

/**
 * Everything the filter matches, newest first, as CSV (with a header row) or JSON Lines (one
 * result per line, as the search API returns it). It walks keyset pages of EXPORT_PAGE_ROWS,
 * fetching the next only when the reader asks for more, so memory stays flat for any size. The
 * first page is read before this returns, so a broken store is an error response rather than an
 * empty file; a failure later aborts the stream, and the reader sees a broken download, never a
 * short file that looks complete.
 */
export async function exportAudit(
  db: Db,
  options: { actor: Actor; filter: AuditFilterInput; format: unknown; now?: Date },
): Promise<AuditExport> {
  assertRole(options.actor, AUDIT_READER_ROLES);
  const format = parseInput(z.object({ format: auditExportFormatSchema }), { format: options.format }).format;
  const filter = parseInput(auditFilterSchema, options.filter);
  const first = await searchAuditPage(db, filter, EXPORT_PAGE_ROWS);
  return {
    body: pageStream(db, filter, first, format),
    contentType: CONTENT_TYPES[format],
    filename: `gatehouse-audit-${stamp(options.now ?? new Date())}.${format}`,
  };
}

function pageStream(db: Db, filter: AuditFilter, first: AuditPage, format: AuditExportFormat): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const line = format === 'csv' ? auditCsvRow : jsonLine;
  let page: AuditPage | null = first;
  let isFirst = true;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!page) {
          controller.close();
          return;
        }
        const head = isFirst && format === 'csv' ? auditCsvHeader() : '';
        isFirst = false;
        controller.enqueue(encoder.encode(head + page.results.map(line).join('')));
        const cursor = page.nextCursor ? decodeAuditCursor(page.nextCursor) : null;
        page = cursor ? await searchAuditPage(db, { ...filter, cursor }, EXPORT_PAGE_ROWS) : null;
      },
    },
    { highWaterMark: 1 },
  );
}

function jsonLine(result: AuditResult): string {
  return `${JSON.stringify(result)}\n`;
}

/** 2025-01-31T14:05:09.123Z -> 20250131T140509Z, safe in any file system. */
function stamp(date: Date): string {
  return date.toISOString().replace(/\.\d+Z$/, 'Z').replace(/[-:]/g, '');
}
