import { randomUUID } from 'node:crypto';
import type net from 'node:net';
import type tls from 'node:tls';
import type { Db } from '@/lib/db/client';
import { authenticateCaller, callerAllowsTarget } from '@/lib/auth/authenticate-caller';
import { looksLikeJwt } from '@/lib/auth/oidc/verify-agent-jwt';
import { getTargetRow } from '@/lib/targets/get-target';
import { openTargetPassword } from '@/lib/targets/target-secret';
import { isAppError } from '@/lib/errors';
import { authenticationOk, backendKeyData, noticeResponse, parameterStatus, readyForQuery } from './backend-messages';
import { HandshakeError } from './client-handshake';
import type { StartupParams } from './frontend-messages';
import { upstreamStartupParams } from './startup-params';
import { connectUpstream, UpstreamError } from './upstream-connect';
import { PgSession } from './pg-session';
import type { AuditSink } from '../core/audit-sink';
import type { CancelRegistry } from '../core/cancel-registry';
import type { PolicyCache } from '../core/policy-cache';
import type { GrantCache } from '../core/grant-cache';
import type { ApprovalsHub } from '../core/approvals-hub';
import type { SessionRegistry } from '../core/session-registry';
import type { MaskingCatalogCache } from '../core/masking-catalog-cache';
import { maskingAuditSink } from '../core/masking-audit-sink';
import { chainingAuditSink } from '../core/chaining-audit-sink';
import { requireMasterKey } from '@/lib/env';
import { maskingHashKey } from '@/lib/masking/masking-key';
import { SessionMasking } from './session-masking';

export type OpenSessionDeps = {
  db: Db;
  audit: AuditSink;
  cancels: CancelRegistry;
  sessions: SessionRegistry;
  policies: PolicyCache;
  maskingCatalogs: MaskingCatalogCache;
  grants: GrantCache;
  /** Null when approvals cannot run here (Redis unavailable at start): statements needing one are refused. */
  approvals: ApprovalsHub | null;
  publicUrl: string;
  gatewayInstance: string;
  maxMessageBytes: number;
};

/** setTimeout's longest delay (about 24.8 days); a credential expiring later is re-armed. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * From a password-bearing startup to a relaying session: the password (an access token, or an
 * agent's JWT, which must come over TLS) decides the identity, the database name picks the
 * target, the credential's scope must include it, the target's rules are loaded, the upstream
 * session is opened with the stored credentials, and the session is recorded before the client
 * gets AuthenticationOk. Any failure is a HandshakeError (FATAL).
 */
export async function openSession(
  deps: OpenSessionDeps,
  hello: { socket: net.Socket | tls.TLSSocket; params: StartupParams; password: string; isTls: boolean },
): Promise<PgSession> {
  const { db } = deps;
  if (looksLikeJwt(hello.password) && !hello.isTls) {
    throw new HandshakeError('Gatehouse: a JWT must be sent over TLS: connect with sslmode=require', '28000');
  }
  const identity = await authenticateCaller(db, hello.password).catch((e: unknown) => {
    throw new HandshakeError(`Gatehouse: ${isAppError(e) ? e.message : 'authentication failed'}`, '28P01');
  });
  const targetName = hello.params.database ?? '';
  const target = await getTargetRow(db, targetName).catch(() => {
    throw new HandshakeError(`Gatehouse: no target named "${targetName}" (use the target's name as dbname)`, '3D000');
  });
  if (!callerAllowsTarget(identity, target.id)) {
    throw new HandshakeError(`Gatehouse: ${identity.credential} is not allowed to reach target "${target.name}"`, '28000');
  }
  await deps.grants.load(identity.user.id, target.id).catch((e: Error) => {
    throw new HandshakeError(`Gatehouse: access grants cannot be read (${e.message}); refusing`, '58000');
  });
  const policy = await deps.policies.load(target.id).catch((e: Error) => {
    throw new HandshakeError(`Gatehouse: the policy of target "${target.name}" cannot be loaded (${e.message}); refusing`, '58000');
  });
  await deps.maskingCatalogs.load(target.id, policy.masking).catch((e: Error) => {
    throw new HandshakeError(`Gatehouse: masking cannot be prepared (${e.message}); refusing`, '58000');
  });
  let password: string;
  try {
    password = openTargetPassword(target.id, target.passwordCiphertext);
  } catch {
    throw new HandshakeError(`Gatehouse: the stored credentials of target "${target.name}" cannot be decrypted with this gateway's GATEHOUSE_MASTER_KEY`, '58000');
  }
  const { forwarded, dropped, refused } = upstreamStartupParams(hello.params);
  if (refused) throw new HandshakeError(`Gatehouse: ${refused}`, '22023');
  const upstream = await connectUpstream(
    { host: target.host, port: target.port, database: target.database, username: target.username, password, tlsMode: target.tlsMode },
    forwarded,
  ).catch((e: unknown) => {
    throw new HandshakeError(`Gatehouse: ${e instanceof UpstreamError ? e.message : 'cannot connect to the target'}`, e instanceof UpstreamError ? e.sqlstate : '08001');
  });
  const sessionId = randomUUID();
  try {
    await deps.audit.startSession({
      id: sessionId,
      userId: identity.user.id,
      userEmail: identity.user.email,
      tokenId: identity.tokenId,
      authMethod: identity.authMethod,
      actingFor: identity.actingFor,
      targetId: target.id,
      targetName: target.name,
      clientAddress: hello.socket.remoteAddress ?? null,
      applicationName: hello.params.application_name ?? null,
      gatewayInstance: deps.gatewayInstance,
    });
  } catch (e) {
    upstream.socket.destroy();
    throw new HandshakeError(`Gatehouse: ${(e as Error).message}`, '57P03');
  }
  const sessionIdentity = () => ({ userId: identity.user.id, role: deps.grants.effectiveRole(identity.user.id, target.id, identity.actor.role), tokenId: identity.tokenId });
  const maskingRules = () => deps.policies.current(target.id).masking;
  const hashKey = maskingHashKey(requireMasterKey(), target.id);
  const masking = new SessionMasking({
    rules: maskingRules,
    identity: sessionIdentity,
    catalog: () => deps.maskingCatalogs.current(target.id, maskingRules()),
    hashKey,
    onCatalogStale: () => deps.maskingCatalogs.markStale(target.id),
  });
  const audit = maskingAuditSink(chainingAuditSink(deps.audit, sessionId), maskingRules, hashKey);
  let session: PgSession | null = null;
  const cancelKey = upstream.backendKey
    ? deps.cancels.issue({ host: target.host, port: target.port, key: upstream.backendKey, intercept: () => session?.cancelHold() ?? false })
    : { pid: 0, secret: 0, release: () => {} };
  let unregister = () => {};
  let expiryTimer: NodeJS.Timeout | undefined;
  session = new PgSession(hello.socket, upstream, {
    sessionId,
    identity: sessionIdentity,
    rules: () => deps.policies.current(target.id).rules,
    strictReads: () => deps.policies.current(target.id).settings.strictReads,
    recordingRows: () => deps.policies.current(target.id).settings.recordingRows,
    idleTimeoutMs: policy.settings.idleTimeoutSeconds && policy.settings.idleTimeoutSeconds * 1000,
    maxSessionMs: policy.settings.maxSessionSeconds && policy.settings.maxSessionSeconds * 1000,
    audit,
    masking,
    onCatalogChange: () => deps.maskingCatalogs.markStale(target.id),
    maxMessageBytes: deps.maxMessageBytes,
    hold: deps.approvals && {
      db,
      hub: deps.approvals,
      publicUrl: deps.publicUrl,
      sessionId,
      gatewayInstance: deps.gatewayInstance,
      target: { id: target.id, name: target.name },
      requester: { id: identity.user.id, email: identity.user.email, tokenId: identity.tokenId },
    },
    onEnd: (reason) => {
      clearTimeout(expiryTimer);
      cancelKey.release();
      unregister();
      audit.endSession(sessionId, reason).catch((e: Error) => console.error(`gateway: could not record the end of session ${sessionId}: ${e.message}`));
    },
  });
  unregister = deps.sessions.add({ id: sessionId, userId: identity.user.id, tokenId: identity.tokenId, targetId: target.id, terminate: (r) => session?.terminate(r) });
  // A JWT is good until its exp and no longer: the session it opened ends then.
  const expiresAt = identity.authMethod === 'jwt' ? identity.expiresAt : null;
  const armExpiry = () => {
    const left = expiresAt!.getTime() - Date.now();
    expiryTimer = setTimeout(() => (left > MAX_TIMER_MS ? armExpiry() : session?.terminate('your token expired')), Math.min(Math.max(left, 0), MAX_TIMER_MS));
  };
  if (expiresAt) armExpiry();
  const greeting = [authenticationOk(), ...upstream.parameters.map(([k, v]) => parameterStatus(k, v)), backendKeyData(cancelKey.pid, cancelKey.secret)];
  if (dropped.length) greeting.push(noticeResponse({ severity: 'NOTICE', code: '01000', message: `Gatehouse ignored startup parameters: ${dropped.join(', ')}` }));
  greeting.push(readyForQuery('I'));
  hello.socket.write(Buffer.concat(greeting));
  session.start();
  return session;
}
