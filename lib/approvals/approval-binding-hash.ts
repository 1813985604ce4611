import { createHash } from 'node:crypto';

export type ApprovalBinding = {
  targetId: string;
  userId: string | null;
  tokenId: string | null | undefined;
  text: string;
  params: readonly (string | null)[] | null | undefined;
};

/**
 * What an approval covers: exactly this statement text, these bind values, this identity (person and
 * token) and this target. The fields go into JSON in a fixed order, so the hash does not depend on how
 * the caller built the object. No bind values and an empty list of them are the same statement.
 */
export function approvalBindingHash(binding: ApprovalBinding): string {
  const canonical = JSON.stringify([
    'gatehouse-approval-v1',
    binding.targetId,
    binding.userId ?? null,
    binding.tokenId ?? null,
    binding.text,
    binding.params && binding.params.length > 0 ? binding.params : null,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}
