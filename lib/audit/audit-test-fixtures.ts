import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { gatewaySessions, statementOutcomes, statements, type StatementRow } from '../db/schema';

/** Test data for the audit search: sessions and statements written as the gateway would, at chosen times. */
export async function seedSession(db: Db, options: { userEmail: string; targetName: string; startedAt?: Date }): Promise<string> {
  const id = randomUUID();
  await db.insert(gatewaySessions).values({
    id,
    userEmail: options.userEmail,
    targetName: options.targetName,
    gatewayInstance: 'gw-audit-test',
    clientAddress: '198.51.100.9',
    startedAt: options.startedAt ?? new Date(Date.now() - 30 * 86_400_000),
  });
  return id;
}

export type SeedStatement = {
  sessionId: string;
  seq?: number;
  text: string;
  /** PostgreSQL timestamptz text, so tests can place statements to the microsecond. */
  startedAt: string;
  decision?: 'allow' | 'block' | 'require_approval';
  commands?: string[];
  kinds?: string[];
  tables?: string[];
  ruleName?: string | null;
  approvalId?: string | null;
  params?: (string | null)[] | null;
};

export async function seedStatement(db: Db, s: SeedStatement): Promise<string> {
  const id = randomUUID();
  const classification: StatementRow['classification'] = {
    kinds: s.kinds ?? ['read'],
    tables: s.tables ?? [],
    functions: [],
    flags: [],
    commands: s.commands ?? ['SELECT'],
  };
  await db.insert(statements).values({
    id,
    sessionId: s.sessionId,
    seq: s.seq ?? 1,
    protocol: 'simple',
    text: s.text,
    params: s.params ?? null,
    classification,
    decision: s.decision ?? 'allow',
    ruleId: s.ruleName ? 'rule-id' : null,
    ruleName: s.ruleName ?? null,
    approvalId: s.approvalId ?? null,
    startedAt: sql`${s.startedAt}::timestamptz`,
  });
  return id;
}

export async function seedOutcome(db: Db, statementId: string, outcome: { commandTag: string; rowCount: number; durationMs?: number }): Promise<void> {
  await db.insert(statementOutcomes).values({ statementId, commandTag: outcome.commandTag, rowCount: outcome.rowCount, durationMs: outcome.durationMs ?? 1.5 });
}

/** A timestamptz literal `ms` milliseconds and `us` microseconds after `base`. */
export function microsAfter(base: Date, ms: number, us = 0): string {
  const t = new Date(base.getTime() + ms).toISOString();
  return `${t.slice(0, 23)}${String(us).padStart(3, '0')}Z`;
}

/** An RFC 4180 reader, to check that what we write reads back as the same fields. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += c;
  }
  if (field || row.length) throw new Error('CSV does not end with CRLF');
  return rows;
}
