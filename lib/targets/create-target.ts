import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client';
import { targetPolicies, targets } from '../db/schema';
import { defaultPolicyRules } from '../policy/default-policy-rules';
import { AppError } from '../errors';
import { assertRole, type Actor } from '../auth/actor';
import { parseInput } from '../validation';
import { isUniqueViolation } from '../db/pg-errors';
import { createTargetSchema, type CreateTargetInput } from './target-schemas';
import { findTargetDanger } from './check-target-safety';
import { sealTargetPassword } from './target-secret';
import { toPublicTarget, type PublicTarget } from './public-target';
import { appendAuditEvent } from '../audit/append-audit-event';

export function nameConflict(name: string): AppError {
  return new AppError('CONFLICT', `A target named "${name}" already exists`, { fieldErrors: { name: ['Already in use'] } });
}

export function dangerError(danger: string): AppError {
  return new AppError('INVALID_INPUT', danger, { fieldErrors: { database: [danger] } });
}

/** Registers a target with the default policy pack. The id is chosen first because the sealed password is bound to it. */
export async function createTarget(db: Db, options: { actor: Actor; input: CreateTargetInput }): Promise<PublicTarget> {
  assertRole(options.actor, ['admin']);
  const input = parseInput(createTargetSchema, options.input);
  const danger = findTargetDanger(input);
  if (danger) throw dangerError(danger);
  const id = randomUUID();
  try {
    const row = await db.transaction(async (tx) => {
      const [created] = await tx
        .insert(targets)
        .values({
          id,
          name: input.name,
          host: input.host,
          port: input.port,
          database: input.database,
          username: input.username,
          tlsMode: input.tlsMode,
          passwordCiphertext: sealTargetPassword(id, input.password),
          createdById: options.actor.id,
        })
        .returning();
      await tx.insert(targetPolicies).values({ targetId: id, rules: defaultPolicyRules(), updatedById: options.actor.id });
      await appendAuditEvent(tx, {
        actor: options.actor,
        action: 'target.created',
        subjectType: 'target',
        subjectId: id,
        summary: `${options.actor.email} created target ${created!.name} (${created!.host}:${created!.port}/${created!.database})`,
        details: { targetName: created!.name, ...auditedTargetFields(created!) },
      });
      return created!;
    });
    return toPublicTarget(row);
  } catch (e) {
    if (isUniqueViolation(e)) throw nameConflict(input.name);
    throw e;
  }
}

/** The fields of a target an audit event names; never the password or its ciphertext. */
export const AUDITED_TARGET_FIELDS = ['name', 'host', 'port', 'database', 'username', 'tlsMode'] as const;

export function auditedTargetFields(row: Pick<PublicTarget, (typeof AUDITED_TARGET_FIELDS)[number]>) {
  return { name: row.name, host: row.host, port: row.port, database: row.database, username: row.username, tlsMode: row.tlsMode };
}
