import type { ApprovalRequestRow } from '../db/schema';

/** A message Slack incoming webhooks (and most chat tools) accept: plain `text`, with the link. */
export function approvalWebhookPayload(row: ApprovalRequestRow, publicUrl: string): { text: string } {
  const url = `${publicUrl.replace(/\/$/, '')}/approvals/${row.id}`;
  const statement = row.statementText.length > 300 ? `${row.statementText.slice(0, 300)}…` : row.statementText;
  return {
    text: `Gatehouse: ${row.requesterEmail} needs approval on ${row.targetName} (${row.ruleName ?? 'policy'}): ${row.heldReason}\n\`\`\`${statement}\`\`\`\nDecide: ${url} (expires ${row.expiresAt.toISOString()})`,
  };
}

/** Posts the payload; anything but a 2xx within the deadline is an error, so the job retries. */
export async function postApprovalWebhook(webhookUrl: string, payload: { text: string }, timeoutMs = 5000): Promise<void> {
  const response = await fetch(webhookUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!response.ok) throw new Error(`webhook answered ${response.status}`);
}
