import { z } from 'zod';
import type { DelegationChain } from '../../db/schema';
import { AppError } from '../../errors';

export const MAX_DELEGATION_DEPTH = 8;

type ActClaim = { sub: string; email?: string; name?: string; act?: ActClaim };

const actSchema: z.ZodType<ActClaim> = z.lazy(() =>
  z.object({
    sub: z.string().min(1).max(255),
    email: z.string().max(320).optional(),
    name: z.string().max(200).optional(),
    act: actSchema.optional(),
  }),
);

/**
 * The parties an agent acts for, from the token-exchange `act` claim (RFC 8693 section 4.1), outermost
 * first: `act: { sub: 'parent-agent', act: { sub: 'alice' } }` is [parent-agent, alice]. Null when the
 * token has no `act`: the agent acts for itself. A malformed or too deep claim refuses the token.
 * https://www.rfc-editor.org/rfc/rfc8693#section-4.1
 */
export function delegationChainFromAct(act: unknown): DelegationChain | null {
  if (act === undefined) return null;
  const parsed = actSchema.safeParse(act);
  if (!parsed.success) throw new AppError('UNAUTHORIZED', 'JWT refused: its "act" claim is malformed (each level needs a string "sub")');
  const chain: DelegationChain = [];
  for (let level: ActClaim | undefined = parsed.data; level; level = level.act) {
    if (chain.length === MAX_DELEGATION_DEPTH) throw new AppError('UNAUTHORIZED', `JWT refused: its delegation chain is deeper than ${MAX_DELEGATION_DEPTH}`);
    chain.push({ sub: level.sub, ...(level.email ? { email: level.email } : {}), ...(level.name ? { name: level.name } : {}) });
  }
  return chain;
}

/** "alice@example.com" or "agent-7 acting for alice@example.com", for summaries and the replay. */
export function describeDelegation(chain: DelegationChain | null | undefined): string | null {
  if (!chain?.length) return null;
  return chain.map((p) => p.email ?? p.name ?? p.sub).join(', acting for ');
}
