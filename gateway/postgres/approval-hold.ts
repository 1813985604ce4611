import type { Db } from '@/lib/db/client';
import type { PolicyRule } from '@/lib/policy/evaluate-policy';
import { DEFAULT_APPROVAL_WAIT_SECONDS } from '@/lib/policy/policy-rule-schema';
import { approvalBindingHash } from '@/lib/approvals/approval-binding-hash';
import { consumeApproval } from '@/lib/approvals/consume-approval';
import type { StatementClassification } from '../core/audit-sink';
import { ApprovalsUnavailableError, type ApprovalRow, type ApprovalsHub } from '../core/approvals-hub';
import type { Substitute } from './response-tracker';
import type { GateVerdict } from './statement-gate';

export type HoldContext = {
  db: Db;
  hub: ApprovalsHub;
  publicUrl: string;
  sessionId: string;
  gatewayInstance: string;
  target: { id: string; name: string };
  requester: { id: string; email: string; tokenId: string | null };
  rules: PolicyRule[];
};

export type HoldOutcome = { run: true; approval: ApprovalRow | null } | { run: false; substitute: Substitute; approvalId?: string };

/** What the client was told while it waits; the handle lets a CancelRequest or a disconnect withdraw the request. */
export type HoldHandle = { id: string; withdraw: (reason: string) => void };

/**
 * Holding a statement for approval, as the client sees it: a NOTICE naming the request and its URL,
 * then the statement simply takes longer. Approved: it runs (once; the caller forwards it).
 * Denied, expired, withdrawn or aborted: an error saying so. With "don't wait" the client gets the
 * URL in an error at once, and the same statement by the same identity on the same target runs
 * once after approval without a new hold. Any failure to create the request refuses the statement.
 */
export async function holdForApproval(
  ctx: HoldContext,
  statement: { text: string; params: (string | null)[] | null; verdict: GateVerdict; classification: StatementClassification },
  notify: (message: string) => void,
  onHold: (handle: HoldHandle) => void,
): Promise<HoldOutcome> {
  const rule = ctx.rules.find((r) => r.id === statement.verdict.decision.rule?.id);
  const settings = rule?.approval ?? {};
  const bindingHash = approvalBindingHash({ targetId: ctx.target.id, userId: ctx.requester.id, tokenId: ctx.requester.tokenId, text: statement.text, params: statement.params });
  if (settings.dontWait) {
    const consumed = await consumeApproval(ctx.db, bindingHash).catch(() => null);
    if (consumed) return { run: true, approval: consumed };
  }
  const waitSeconds = settings.waitSeconds ?? DEFAULT_APPROVAL_WAIT_SECONDS;
  let row: ApprovalRow;
  try {
    row = await ctx.hub.request(
      {
        targetId: ctx.target.id,
        targetName: ctx.target.name,
        sessionId: ctx.sessionId,
        requesterId: ctx.requester.id,
        requesterEmail: ctx.requester.email,
        tokenId: ctx.requester.tokenId,
        statementText: statement.text,
        params: statement.params,
        classification: statement.classification,
        ruleId: rule?.id ?? null,
        ruleName: rule?.name ?? null,
        heldReason: statement.verdict.decision.message,
        bindingHash,
        requiredApprovals: settings.requiredApprovals ?? 1,
        approverRoles: settings.approverRoles ?? ['approver', 'admin'],
        waitMode: settings.dontWait ? 'dont_wait' : 'wait',
        expiresInMs: waitSeconds * 1000,
        gatewayInstance: ctx.gatewayInstance,
      },
      waitSeconds * 1000,
    );
  } catch (e) {
    const reason = e instanceof ApprovalsUnavailableError ? e.message : `approvals unavailable (${(e as Error).message})`;
    return { run: false, substitute: { sqlstate: '57P03', message: `Gatehouse: ${reason}` } };
  }
  const url = `${ctx.publicUrl.replace(/\/$/, '')}/approvals/${row.id}`;
  const what = describe(statement.classification);
  if (settings.dontWait) {
    return { run: false, approvalId: row.id, substitute: { sqlstate: '42501', message: `Gatehouse: ${what} needs approval: ${url}; run it again once it is approved` } };
  }
  notify(`Gatehouse: ${what} needs approval: ${url}; waiting up to ${formatWait(waitSeconds)}`);
  onHold({ id: row.id, withdraw: (reason) => void ctx.hub.withdraw(row.id, reason) });
  const decided = await ctx.hub.waitForDecision(row.id, row.expiresAt);
  const outcome = outcomeOf(decided, url);
  return outcome.run ? outcome : { ...outcome, approvalId: row.id };
}

function outcomeOf(row: ApprovalRow, url: string): HoldOutcome {
  switch (row.status) {
    case 'approved':
      return { run: true, approval: row };
    case 'denied':
      return { run: false, substitute: { sqlstate: '42501', message: `Gatehouse: denied by ${row.decidedByEmail ?? 'an approver'}: ${row.decisionReason ?? 'no reason given'}` } };
    case 'expired':
      return { run: false, substitute: { sqlstate: '42501', message: `Gatehouse: approval request expired without a decision: ${url}` } };
    case 'withdrawn':
      return { run: false, substitute: { sqlstate: '57014', message: 'Gatehouse: canceling statement due to user request (approval request withdrawn)' } };
    default:
      return { run: false, substitute: { sqlstate: '57P01', message: `Gatehouse: approval request ${row.id} was ${row.status}; run the statement again` } };
  }
}

function describe(c: StatementClassification): string {
  const command = c?.commands[0] ?? 'statement';
  const table = c?.tables[0];
  return table ? `${command} on ${table}` : command;
}

function formatWait(seconds: number): string {
  return seconds % 60 === 0 ? `${seconds / 60}m` : `${seconds}s`;
}
