import { beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { setupTestDb, uniqueName } from '@/test/db';
import { makeActor, TEST_PASSWORD } from '@/test/actors';
import { accessTokens, auditEvents, targets, users, type AuditEventRow } from '@/lib/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { buildAuthOptions } from '@/lib/auth/auth-options';
import { createUser } from '@/lib/users/create-user';
import { updateUser } from '@/lib/users/update-user';
import { createTarget } from '@/lib/targets/create-target';
import { updateTarget } from '@/lib/targets/update-target';
import { deleteTarget } from '@/lib/targets/delete-target';
import { replaceTargetPolicyRules, updateTargetSessionSettings } from '@/lib/policy/target-policy';
import { defaultPolicyRules } from '@/lib/policy/default-policy-rules';
import { replaceTargetMaskingRules } from '@/lib/masking/replace-target-masking';
import { demoMaskingRules } from '@/lib/demo/demo-masking-rules';
import { createAccessToken } from '@/lib/tokens/create-access-token';
import { revokeAccessToken } from '@/lib/tokens/revoke-access-token';
import { decideApproval } from '@/lib/approvals/decide-approval';
import { makeApprovalRequest, makeApprovalTarget } from '@/lib/approvals/approval-test-fixtures';
import { requestAccessGrant } from '@/lib/access-grants/request-access-grant';
import { decideAccessGrant } from '@/lib/access-grants/decide-access-grant';
import { revokeAccessGrant } from '@/lib/access-grants/revoke-access-grant';

const { db } = setupTestDb();

let admin: Actor;
const ADDRESS = '203.0.113.50';
const TARGET_PASSWORD = `target-secret-${uniqueName('pw')}`;

beforeAll(async () => {
  admin = { ...(await makeActor(db, 'admin')), address: ADDRESS };
});

const targetInput = (name: string, password = TARGET_PASSWORD) => ({
  name,
  host: 'db.example.test',
  port: 5432,
  database: 'app',
  username: 'app',
  password,
  tlsMode: 'require' as const,
});

async function eventsFor(subjectId: string, action?: string): Promise<AuditEventRow[]> {
  const where = action ? and(eq(auditEvents.subjectId, subjectId), eq(auditEvents.action, action)) : eq(auditEvents.subjectId, subjectId);
  return db.select().from(auditEvents).where(where).orderBy(asc(auditEvents.seq));
}

async function onlyEvent(subjectId: string, action: string): Promise<AuditEventRow> {
  const events = await eventsFor(subjectId, action);
  expect(events).toHaveLength(1);
  return events[0]!;
}

/** Neither the summary nor the details may carry any of these. */
function expectNoSecrets(event: AuditEventRow, secrets: string[]): void {
  const stored = JSON.stringify({ summary: event.summary, details: event.details });
  for (const secret of secrets) expect(stored).not.toContain(secret);
}

describe('users', () => {
  it('records a created user with the actor and address, and no password or hash', async () => {
    const email = `${uniqueName('new')}@example.test`;
    const { user } = await createUser(db, { actor: admin, input: { email, role: 'approver', password: TEST_PASSWORD } });
    const event = await onlyEvent(user.id, 'user.created');
    expect(event).toMatchObject({
      actorId: admin.id,
      actorEmail: admin.email,
      actorRole: 'admin',
      actorAddress: ADDRESS,
      subjectType: 'user',
      summary: `${admin.email} created user ${email} (approver)`,
      details: { email, role: 'approver', kind: 'human', hasPassword: true, passwordGenerated: false },
    });
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expectNoSecrets(event, [TEST_PASSWORD, row!.passwordHash!]);
  });

  it('records a role change before and after, and writes nothing when the change is refused', async () => {
    const { user } = await createUser(db, { actor: admin, input: { email: `${uniqueName('chg')}@example.test`, role: 'user' } });
    await updateUser(db, { actor: admin, userId: user.id, input: { role: 'auditor', disabled: true } });
    const event = await onlyEvent(user.id, 'user.updated');
    expect(event.summary).toBe(`${admin.email} changed the role of ${user.email} from user to auditor and disabled ${user.email}`);
    expect(event.details).toEqual({ email: user.email, changes: { role: { before: 'user', after: 'auditor' }, disabled: { before: false, after: true } } });
    await expect(updateUser(db, { actor: admin, userId: admin.id!, input: { role: 'user' } })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await eventsFor(admin.id!, 'user.updated')).toEqual([]);
  });
});

describe('targets', () => {
  it('records create, change and delete with the fields that changed and never the password', async () => {
    const created = await createTarget(db, { actor: admin, input: targetInput(uniqueName('ev')) });
    const newPassword = `rotated-${uniqueName('pw')}`;
    await updateTarget(db, { actor: admin, idOrName: created.id, input: { port: 6432, password: newPassword } });
    const [row] = await db.select().from(targets).where(eq(targets.id, created.id));
    await deleteTarget(db, { actor: admin, idOrName: created.id });
    const [create, update, remove] = await eventsFor(created.id);
    expect(create).toMatchObject({
      action: 'target.created',
      actorAddress: ADDRESS,
      summary: `${admin.email} created target ${created.name} (db.example.test:5432/app)`,
      details: { targetName: created.name, host: 'db.example.test', port: 5432, database: 'app', username: 'app', tlsMode: 'require' },
    });
    expect(update).toMatchObject({
      action: 'target.updated',
      summary: `${admin.email} changed target ${created.name}: port, password`,
      details: { targetName: created.name, changes: { port: { before: 5432, after: 6432 } }, passwordChanged: true },
    });
    expect(remove).toMatchObject({ action: 'target.deleted', summary: `${admin.email} deleted target ${created.name}`, details: { targetName: created.name, port: 6432 } });
    for (const event of [create!, update!, remove!]) expectNoSecrets(event, [TARGET_PASSWORD, newPassword, row!.passwordCiphertext]);
  });

  it('records statement rule changes by rule, and the count in the summary', async () => {
    const target = await createTarget(db, { actor: admin, input: targetInput(uniqueName('rules')) });
    const [first, second, ...rest] = defaultPolicyRules();
    const edited = { ...second!, message: 'edited' };
    const added = { id: 'allow-reports', name: 'Allow reports', enabled: true, subject: {}, match: { tables: ['public.reports'] }, action: 'allow' as const };
    await replaceTargetPolicyRules(db, { actor: admin, idOrName: target.name, rules: [edited, added, ...rest] });
    const event = await onlyEvent(target.id, 'target.rules_changed');
    expect(event.summary).toBe(`${admin.email} changed 3 statement rules on ${target.name}`);
    expect(event.details).toMatchObject({
      targetName: target.name,
      added: [{ id: 'allow-reports', name: 'Allow reports' }],
      removed: [{ id: first!.id, name: first!.name }],
      changed: [{ id: second!.id, name: second!.name }],
      reordered: false,
      before: rest.length + 2,
      after: rest.length + 2,
    });
  });

  it('records masking rule changes: "changed 3 masking rules on <target>"', async () => {
    const target = await createTarget(db, { actor: admin, input: targetInput(uniqueName('mask')) });
    const rules = demoMaskingRules().slice(0, 3);
    await replaceTargetMaskingRules(db, { actor: admin, idOrName: target.name, rules });
    await replaceTargetMaskingRules(db, { actor: admin, idOrName: target.name, rules: [rules[2]!, rules[0]!, rules[1]!] });
    const [change, reorder] = await eventsFor(target.id, 'target.masking_changed');
    expect(change).toMatchObject({
      summary: `${admin.email} changed 3 masking rules on ${target.name}`,
      details: { added: rules.map((r) => ({ id: r.id, name: r.name })), removed: [], before: 0, after: 3 },
    });
    expect(reorder).toMatchObject({ summary: `${admin.email} reordered the masking rules on ${target.name}`, details: { reordered: true, added: [] } });
  });

  it('records session settings before and after, keeping only the origin of a webhook URL', async () => {
    const target = await createTarget(db, { actor: admin, input: targetInput(uniqueName('set')) });
    const hook = 'https://hooks.slack.example/services/T000/B000/XXXXsecretXXXX';
    await updateTargetSessionSettings(db, { actor: admin, idOrName: target.name, settings: { retentionDays: 30, recordingRows: 5, approvalWebhookUrl: hook } });
    const event = await onlyEvent(target.id, 'target.settings_changed');
    expect(event.summary).toBe(`${admin.email} changed the session settings of ${target.name}: recordingRows, retentionDays, approvalWebhookUrl`);
    expect(event.details).toEqual({
      targetName: target.name,
      changes: {
        recordingRows: { before: 20, after: 5 },
        retentionDays: { before: null, after: 30 },
        approvalWebhookUrl: { before: null, after: 'https://hooks.slack.example/…' },
      },
    });
    expectNoSecrets(event, ['XXXXsecretXXXX', '/services/']);
  });
});

describe('tokens', () => {
  it('records creation and revocation without the token or its hash', async () => {
    const user = { ...(await makeActor(db, 'user')), address: '198.51.100.23' };
    const target = await createTarget(db, { actor: admin, input: targetInput(uniqueName('tok')) });
    const { token, record } = await createAccessToken(db, { actor: user, input: { name: 'laptop', expiresIn: '12h', targets: [target.name] } });
    await revokeAccessToken(db, { actor: admin, tokenId: record.id });
    const [row] = await db.select().from(accessTokens).where(eq(accessTokens.id, record.id));
    const [created, revoked] = await eventsFor(record.id);
    expect(created).toMatchObject({
      action: 'token.created',
      actorEmail: user.email,
      actorAddress: '198.51.100.23',
      summary: expect.stringMatching(new RegExp(`^${user.email} created token "laptop" for ${user.email}, expiring \\d{4}-`)),
      details: { tokenId: record.id, name: 'laptop', ownerEmail: user.email, targets: [target.name] },
    });
    expect(revoked).toMatchObject({ action: 'token.revoked', actorEmail: admin.email, summary: `${admin.email} revoked token "laptop" of ${user.email}` });
    for (const event of [created!, revoked!]) expectNoSecrets(event, [token, token.slice(4), row!.tokenHash]);
  });
});

describe('approvals and access grants', () => {
  it('records an approval decision with the transaction: a refused decision leaves none', async () => {
    const target = await makeApprovalTarget(db, uniqueName('apr'));
    const requester = await makeActor(db, 'user');
    const approver = { ...(await makeActor(db, 'approver')), address: '192.0.2.77' };
    const request = await makeApprovalRequest(db, { requester, target });
    await decideApproval(db, { actor: approver, requestId: request.id, decision: 'approve', reason: 'ticket 9' });
    await expect(decideApproval(db, { actor: admin, requestId: request.id, decision: 'approve' })).rejects.toMatchObject({ code: 'CONFLICT' });
    const event = await onlyEvent(request.id, 'approval.decided');
    expect(event).toMatchObject({
      actorEmail: approver.email,
      actorAddress: '192.0.2.77',
      summary: `${approver.email} approved the statement of ${requester.email} on ${target.name}`,
      details: { requestId: request.id, decision: 'approve', reason: 'ticket 9', isFinal: true, status: 'approved', targetName: target.name },
    });
  });

  it('records a vote that does not yet reach the required approvals', async () => {
    const target = await makeApprovalTarget(db, uniqueName('apr2'));
    const request = await makeApprovalRequest(db, { requester: await makeActor(db, 'user'), target, requiredApprovals: 2 });
    const approver = await makeActor(db, 'approver');
    await decideApproval(db, { actor: approver, requestId: request.id, decision: 'approve' });
    expect((await onlyEvent(request.id, 'approval.decided')).summary).toContain('(1 of 2 approvals)');
  });

  it('records a grant requested, approved and revoked', async () => {
    const target = await createTarget(db, { actor: admin, input: targetInput(uniqueName('grant')) });
    const user = await makeActor(db, 'user');
    const approver = await makeActor(db, 'approver');
    const grant = await requestAccessGrant(db, { actor: user, input: { target: target.name, role: 'auditor', durationMinutes: 30, reason: 'incident 42' } });
    await decideAccessGrant(db, { actor: approver, grantId: grant.id, decision: 'approve' });
    await revokeAccessGrant(db, { actor: admin, grantId: grant.id });
    const [requested, decided, revoked] = await eventsFor(grant.id);
    expect(requested).toMatchObject({
      action: 'access_grant.requested',
      actorEmail: user.email,
      summary: `${user.email} asked for the auditor role on ${target.name} for 30 minutes`,
      details: { targetName: target.name, role: 'auditor', durationMinutes: 30, reason: 'incident 42' },
    });
    expect(decided).toMatchObject({
      action: 'access_grant.decided',
      actorEmail: approver.email,
      summary: `${approver.email} approved the auditor role on ${target.name} for ${user.email}`,
      details: { decision: 'approve', userEmail: user.email, startsAt: expect.any(String), endsAt: expect.any(String) },
    });
    expect(revoked).toMatchObject({ action: 'access_grant.revoked', actorEmail: admin.email, actorAddress: ADDRESS, details: { userEmail: user.email, endedAt: expect.any(String) } });
  });
});

describe('sign-in', () => {
  type Authorize = (credentials: Record<string, string> | undefined, req: unknown) => Promise<{ id: string } | null>;
  const options = buildAuthOptions({ requestAddress: async () => '198.51.100.200' });
  const authorize = (options.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;

  it('records a sign-in with the address', async () => {
    const person = await makeActor(db, 'approver');
    expect(await authorize({ email: person.email, password: TEST_PASSWORD }, {})).toMatchObject({ id: person.id });
    const [event] = await eventsFor(person.id!, 'auth.signed_in');
    expect(event).toMatchObject({ actorId: person.id, actorEmail: person.email, actorRole: 'approver', actorAddress: '198.51.100.200', summary: `${person.email} signed in`, details: { method: 'credentials' } });
  });

  it('records refused sign-ins with the e-mail tried and why, never the password', async () => {
    const person = await makeActor(db, 'user');
    const wrong = `wrong-${uniqueName('pw')}`;
    expect(await authorize({ email: person.email.toUpperCase(), password: wrong }, {})).toBeNull();
    const unknown = `${uniqueName('nobody')}@example.test`;
    expect(await authorize({ email: unknown, password: wrong }, {})).toBeNull();
    const [refused] = await eventsFor(person.id!, 'auth.sign_in_refused');
    expect(refused).toMatchObject({
      actorId: null,
      actorEmail: person.email,
      actorAddress: '198.51.100.200',
      summary: `Sign-in refused for ${person.email} (wrong password)`,
      details: { email: person.email, reason: 'wrong_password', userId: person.id },
    });
    const [byUnknown] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'auth.sign_in_refused'), eq(auditEvents.actorEmail, unknown)));
    expect(byUnknown).toMatchObject({ subjectId: null, details: { reason: 'unknown_user', userId: null } });
    for (const event of [refused!, byUnknown!]) expect(JSON.stringify(event)).not.toContain(wrong);
  });

  it('records single sign-on refused for an e-mail no admin created', async () => {
    const email = `${uniqueName('sso')}@example.test`;
    const signIn = options.callbacks!.signIn! as unknown as (p: { account: { provider: string }; profile: Record<string, unknown> }) => Promise<boolean | string>;
    expect(await signIn({ account: { provider: 'oidc' }, profile: { email, email_verified: true } })).toMatch(/^\/signin\?error=/);
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'auth.sign_in_refused'), eq(auditEvents.actorEmail, email)));
    expect(event).toMatchObject({ details: { method: 'oidc', reason: 'unknown_user' } });
  });
});
