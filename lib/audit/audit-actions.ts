/** Every kind of audit event, as `<subject>.<what happened>`; docs/audit-log.md describes each. */
export const AUDIT_ACTIONS = [
  'auth.signed_in',
  'auth.sign_in_refused',
  'user.created',
  'user.updated',
  'target.created',
  'target.updated',
  'target.deleted',
  'target.rules_changed',
  'target.masking_changed',
  'target.settings_changed',
  'token.created',
  'token.revoked',
  'approval.decided',
  'access_grant.requested',
  'access_grant.decided',
  'access_grant.revoked',
  'session.started',
  'session.ended',
  'session.terminated',
  'recordings.purged',
  'portal.settings_changed',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
