import { inArray, or } from 'drizzle-orm';
import type { Db } from '../db/client';
import { accessTokens, targets, type DelegationChain, type UserRow } from '../db/schema';
import { AppError } from '../errors';
import { isUuid } from '../ids';
import type { Actor } from '../auth/actor';
import { parseInput } from '../validation';
import { generateAccessToken } from '../crypto/access-token';
import { findUserByEmail, getUserById } from '../users/get-user';
import { createTokenSchema, expiryFrom, type CreateTokenInput } from './token-schemas';
import { toPublicToken, type PublicToken } from './public-token';
import { appendAuditEvent } from '../audit/append-audit-event';

/**
 * Creates an access token. People create tokens for themselves; admins also for service identities
 * (and, from the CLI, for anyone). The token text is returned here once and only its hash is stored.
 */
export async function createAccessToken(
  db: Db,
  options: { actor: Actor; input: CreateTokenInput },
): Promise<{ token: string; record: PublicToken }> {
  if (options.actor.via === 'token') {
    throw new AppError('FORBIDDEN', 'A token cannot mint tokens (it could widen its own scope or lifetime); use the portal or the CLI');
  }
  const input = parseInput(createTokenSchema, options.input);
  const owner = await resolveOwner(db, options.actor, input.userEmail);
  if (owner.disabledAt) throw new AppError('CONFLICT', `${owner.email} is disabled; enable the user first`);
  const scope = await resolveTargets(db, input.targets);
  const actingFor = await resolveDelegation(db, owner, input.actingFor);
  const { token, hash, displayPrefix } = generateAccessToken();
  const expiresAt = expiryFrom(input.expiresIn);
  const row = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(accessTokens)
      .values({
        userId: owner.id,
        name: input.name,
        tokenHash: hash,
        displayPrefix,
        targetIds: scope?.map((t) => t.id) ?? null,
        actingFor,
        expiresAt,
        createdById: options.actor.id,
      })
      .returning();
    await appendAuditEvent(tx, {
      actor: options.actor,
      action: 'token.created',
      subjectType: 'token',
      subjectId: created!.id,
      summary: `${options.actor.email} created token "${created!.name}" for ${owner.email}${actingFor ? ` acting for ${actingFor.map((p) => p.email).join(', acting for ')}` : ''}${expiresAt ? `, expiring ${expiresAt.toISOString()}` : ', never expiring'}`,
      details: {
        tokenId: created!.id,
        name: created!.name,
        ownerId: owner.id,
        ownerEmail: owner.email,
        targets: scope?.map((t) => t.name) ?? 'all',
        actingFor,
        expiresAt: expiresAt?.toISOString() ?? null,
      },
    });
    return created!;
  });
  return { token, record: toPublicToken(row, owner.email) };
}

async function resolveOwner(db: Db, actor: Actor, email: string | undefined): Promise<UserRow> {
  if (!email) {
    if (!actor.id) throw new AppError('INVALID_INPUT', 'Say which user the token is for', { fieldErrors: { userEmail: ['Required'] } });
    return getUserById(db, actor.id);
  }
  const owner = await findUserByEmail(db, email);
  if (!owner) throw new AppError('NOT_FOUND', `No user with e-mail ${email}`, { fieldErrors: { userEmail: ['Unknown user'] } });
  const isSelf = owner.id === actor.id;
  const mayIssue = isSelf || (actor.role === 'admin' && (owner.kind === 'service' || actor.via === 'cli'));
  if (!mayIssue) {
    throw new AppError('FORBIDDEN', 'You may create tokens for yourself; admins also for service identities');
  }
  return owner;
}

/** The users a token's holder acts for, outermost first; each must exist, and none be the owner. */
async function resolveDelegation(db: Db, owner: UserRow, emails: string[]): Promise<DelegationChain | null> {
  if (emails.length === 0) return null;
  const chain: DelegationChain = [];
  for (const email of emails) {
    const party = await findUserByEmail(db, email);
    if (!party) throw new AppError('NOT_FOUND', `No user with e-mail ${email} to act for`, { fieldErrors: { actingFor: [`Unknown user: ${email}`] } });
    if (party.id === owner.id) throw new AppError('INVALID_INPUT', `${email} owns the token; it cannot act for itself`, { fieldErrors: { actingFor: ['The owner cannot be in the chain'] } });
    chain.push({ sub: party.id, email: party.email, name: party.name });
  }
  return chain;
}

/** Target names or ids to their rows; null for none given (every target). Unknown ones are refused. */
export async function resolveTargets(db: Db, names: string[]): Promise<{ id: string; name: string }[] | null> {
  if (names.length === 0) return null;
  const unique = [...new Set(names)];
  const uuids = unique.filter((n) => isUuid(n));
  const rows = await db
    .select({ id: targets.id, name: targets.name })
    .from(targets)
    .where(uuids.length ? or(inArray(targets.name, unique), inArray(targets.id, uuids)) : inArray(targets.name, unique));
  const missing = unique.filter((n) => !rows.some((r) => r.name === n || r.id === n));
  if (missing.length) {
    throw new AppError('NOT_FOUND', `Unknown target(s): ${missing.join(', ')}`, { fieldErrors: { targets: [`Unknown: ${missing.join(', ')}`] } });
  }
  return rows;
}
