import { randomUUID } from 'node:crypto';
import { classifySql, type Classification } from '@/lib/sql/classify-sql';
import { evaluatePolicy, type Decision, type PolicyRule } from '@/lib/policy/evaluate-policy';
import type { Role } from '@/lib/db/schema';
import type { StatementClassification, StatementRecord } from '../core/audit-sink';
import type { Substitute } from './response-tracker';

/**
 * What the server receives in place of a refused statement: text that cannot parse, so the
 * server itself raises an error at exactly that point of the stream, skips the rest of a
 * pipeline up to Sync and aborts an open transaction, as it would for a real failure. Gatehouse
 * then replaces that error with its own message. Nothing of the refused statement reaches it.
 */
export const REFUSED_SQL = 'GATEHOUSE_REFUSED_STATEMENT';

export type GateIdentity = { userId: string; role: Role; tokenId: string | null };

export type GateVerdict = {
  decision: Decision;
  classification: Classification;
  /** True when the statement could change something, so its record must be durable before it runs. */
  needsDurableAudit: boolean;
  substitute: Substitute | null;
};

const READ_ONLY_KINDS = new Set(['read', 'transaction']);

/**
 * Refused whatever the policy says: a session that changed how the server reads string escapes or
 * bytes would no longer read statements as Gatehouse's parser does, and policy would judge text
 * the server reads differently.
 */
const LEXER_GUARD: Decision = {
  action: 'block',
  rule: { id: 'gateway-lexer-settings', name: 'Gateway: settings that change how SQL is read' },
  message: 'changing standard_conforming_strings, client_encoding or backslash_quote is not allowed through Gatehouse',
  statementIndex: null,
};

export function judgeStatement(text: string, identity: GateIdentity, rules: PolicyRule[], strictReads: boolean): GateVerdict {
  const classification = classifySql(text);
  const decision =
    classification.ok && classification.flags.includes('lexer-setting')
      ? LEXER_GUARD
      : evaluatePolicy(rules, { identity: { userId: identity.userId, role: identity.role, tokenId: identity.tokenId }, classification });
  const readOnly = classification.ok && classification.kinds.every((k) => READ_ONLY_KINDS.has(k));
  return {
    decision,
    classification,
    needsDurableAudit: strictReads || !readOnly,
    substitute: substituteFor(decision),
  };
}

function substituteFor(decision: Decision): Substitute | null {
  if (decision.action === 'allow') return null;
  if (decision.action === 'require_approval') {
    return { sqlstate: '42501', message: `Gatehouse: ${decision.message}`, hint: 'This statement needs approval, which is not available on this gateway yet; ask an admin.' };
  }
  return { sqlstate: '42501', message: `Gatehouse: ${decision.message}` };
}

export function summarize(c: Classification): StatementClassification {
  if (!c.ok) return null;
  return { kinds: c.kinds, tables: c.tables, functions: c.functions, flags: c.flags, commands: c.statements.map((s) => s.command) };
}

export function buildRecord(
  base: { sessionId: string; seq: number; protocol: 'simple' | 'extended'; text: string; params: (string | null)[] | null },
  verdict: GateVerdict,
): StatementRecord {
  return {
    id: randomUUID(),
    ...base,
    classification: summarize(verdict.classification),
    decision: verdict.decision.action,
    ruleId: verdict.decision.rule?.id ?? null,
    ruleName: verdict.decision.rule?.name ?? null,
    message: verdict.decision.action === 'allow' ? null : verdict.decision.message,
    startedAt: new Date(),
  };
}

/** A statement whose completion can change the catalog masking reads (DDL, or the COMMIT of a transaction that ran some). */
export function changesCatalog(verdict: GateVerdict): boolean {
  const c = verdict.classification;
  return c.ok && c.statements.some((s) => s.kind === 'ddl' || s.command === 'COMMIT');
}
