import type { PolicyRule } from './policy-rule-schema';

type DefaultRule = Pick<PolicyRule, 'id' | 'name' | 'match' | 'action' | 'message'>;

/**
 * Blocks first, then the session settings a driver sends on connect, then approvals, then the
 * harmless rest. The session-setting allow sits before the utility approval because a rule cannot
 * say "utility except SET"; SET ROLE and SESSION AUTHORIZATION are blocked above it.
 */
const DEFAULT_RULES: readonly DefaultRule[] = [
  {
    id: 'default-block-copy-program',
    name: 'Block COPY PROGRAM',
    match: { flags: ['copy-program'] },
    action: 'block',
    message: 'COPY ... PROGRAM runs a shell command on the database server and is blocked',
  },
  {
    id: 'default-block-alter-system',
    name: 'Block ALTER SYSTEM',
    match: { flags: ['alter-system'] },
    action: 'block',
    message: 'ALTER SYSTEM changes the server configuration and is blocked',
  },
  {
    id: 'default-block-role-switch',
    name: 'Block role switching',
    match: { flags: ['set-role', 'session-authorization'] },
    action: 'block',
    message: 'Switching role (SET ROLE, SET SESSION AUTHORIZATION, set_config(\'role\', ...)) is blocked: connect as the role you need',
  },
  {
    id: 'default-block-delete-without-where',
    name: 'Block DELETE without WHERE',
    match: { flags: ['delete-without-where'] },
    action: 'block',
    message: 'DELETE without a WHERE clause is blocked: add a WHERE that filters rows',
  },
  {
    id: 'default-block-update-without-where',
    name: 'Block UPDATE without WHERE',
    match: { flags: ['update-without-where'] },
    action: 'block',
    message: 'UPDATE without a WHERE clause is blocked: add a WHERE that filters rows',
  },
  {
    id: 'default-block-drop',
    name: 'Block DROP',
    match: { flags: ['drop'] },
    action: 'block',
    message: 'DROP (including ALTER TABLE ... DROP COLUMN) destroys data and is blocked',
  },
  {
    id: 'default-block-truncate',
    name: 'Block TRUNCATE',
    match: { flags: ['truncate'] },
    action: 'block',
    message: 'TRUNCATE removes every row and is blocked',
  },
  {
    id: 'default-block-dcl',
    name: 'Block role and privilege changes',
    match: { kinds: ['dcl'] },
    action: 'block',
    message: 'Role and privilege changes (GRANT, REVOKE, CREATE/ALTER/DROP ROLE) are blocked',
  },
  {
    id: 'default-block-copy-file',
    name: 'Block COPY to or from server files',
    match: { flags: ['copy-file'] },
    action: 'block',
    message: 'COPY to or from a file on the database server is blocked: use COPY ... TO STDOUT or FROM STDIN',
  },
  {
    id: 'default-allow-session-settings',
    name: 'Allow session settings',
    match: { commands: ['SET', 'RESET', 'SHOW', 'DISCARD', 'DEALLOCATE', 'LISTEN', 'UNLISTEN'] },
    action: 'allow',
  },
  {
    id: 'default-approve-ddl',
    name: 'Approve schema changes',
    match: { kinds: ['ddl'] },
    action: 'require_approval',
    message: 'Schema changes need approval',
  },
  {
    id: 'default-approve-write',
    name: 'Approve writes',
    match: { kinds: ['write'] },
    action: 'require_approval',
    message: 'Statements that change data (or call functions that may) need approval',
  },
  {
    id: 'default-approve-utility',
    name: 'Approve utility commands',
    match: { kinds: ['utility'] },
    action: 'require_approval',
    message: 'Maintenance and server commands (VACUUM, LOCK, NOTIFY, ...) need approval',
  },
  {
    id: 'default-approve-unknown',
    name: 'Approve statements whose effect is hidden',
    match: { kinds: ['unknown'] },
    action: 'require_approval',
    message: 'DO blocks, EXECUTE and CALL run code Gatehouse cannot inspect, so they need approval',
  },
  {
    id: 'default-allow-read',
    name: 'Allow reads',
    match: { kinds: ['read'] },
    action: 'allow',
  },
  {
    id: 'default-allow-transaction',
    name: 'Allow transaction control',
    match: { kinds: ['transaction'] },
    action: 'allow',
  },
];

/** The starting policy for a new installation: for everyone, in this order. */
export function defaultPolicyRules(): PolicyRule[] {
  return DEFAULT_RULES.map((rule) => ({ ...structuredClone(rule), enabled: true, subject: {} }));
}
