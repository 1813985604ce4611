import net from 'node:net';
import tls from 'node:tls';
import type { TlsMode } from '@/lib/db/schema';
import { AuthCode, Backend, Frontend, StartupCode } from './message-codes';
import { MessageReader, MessageWriter } from './message-writer';
import { buildPasswordMessage, buildStartupMessage, type StartupParams } from './frontend-messages';
import { parseNoticeFields } from './backend-messages';
import { FrameReader } from './frame-reader';
import type { Frame, MessageBuffer } from './message-buffer';
import { md5Password, ScramClient } from './scram-client';

export type UpstreamTarget = { host: string; port: number; database: string; username: string; password: string; tlsMode: TlsMode };

export type UpstreamConnection = {
  socket: net.Socket | tls.TLSSocket;
  parameters: [string, string][];
  backendKey: { pid: number; secret: number } | null;
  pending: { frames: Frame[]; buffer: MessageBuffer };
};

export class UpstreamError extends Error {
  constructor(
    message: string,
    readonly sqlstate = '08001',
  ) {
    super(message);
    this.name = 'UpstreamError';
  }
}

const HANDSHAKE_TIMEOUT_MS = 10_000;
const MAX_HANDSHAKE_MESSAGE = 64 * 1024;

/**
 * Opens an authenticated session on the target with the credentials Gatehouse holds:
 * TCP, optional TLS (SSLRequest), StartupMessage, then whichever auth the server asks for
 * (SCRAM-SHA-256, md5, or cleartext only over TLS), up to the first ReadyForQuery.
 * https://www.postgresql.org/docs/current/protocol-flow.html#PROTOCOL-FLOW-START-UP
 */
export async function connectUpstream(target: UpstreamTarget, params: StartupParams): Promise<UpstreamConnection> {
  let socket: net.Socket | tls.TLSSocket = await openTcp(target);
  try {
    if (target.tlsMode !== 'disable') socket = await startTls(socket, target);
    socket.setNoDelay(true);
    const reader = new FrameReader(socket, MAX_HANDSHAKE_MESSAGE);
    socket.write(buildStartupMessage({ ...params, user: target.username, database: target.database }));
    await authenticate(socket, reader, target, socket instanceof tls.TLSSocket);
    const parameters: [string, string][] = [];
    let backendKey: UpstreamConnection['backendKey'] = null;
    for (;;) {
      const frame = await reader.next(HANDSHAKE_TIMEOUT_MS);
      if (frame.type === Backend.ParameterStatus) {
        const r = new MessageReader(frame.payload);
        parameters.push([r.cstring(), r.cstring()]);
      } else if (frame.type === Backend.BackendKeyData) {
        const r = new MessageReader(frame.payload);
        backendKey = { pid: r.int32(), secret: r.int32() };
      } else if (frame.type === Backend.ReadyForQuery) {
        return { socket, parameters, backendKey, pending: reader.release() };
      } else if (frame.type === Backend.ErrorResponse) {
        throw upstreamRefusal(frame.payload);
      }
    }
  } catch (e) {
    socket.destroy();
    throw e instanceof UpstreamError ? e : new UpstreamError(`target ${target.host}:${target.port}: ${(e as Error).message}`);
  }
}

function upstreamRefusal(payload: Buffer): UpstreamError {
  const f = parseNoticeFields(payload);
  return new UpstreamError(`target refused the connection: ${f.M ?? 'unknown error'}`, f.C ?? '08001');
}

function openTcp(target: UpstreamTarget): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: target.host, port: target.port });
    const timer = setTimeout(() => socket.destroy(new Error('connect timed out')), HANDSHAKE_TIMEOUT_MS);
    socket.once('connect', () => (clearTimeout(timer), resolve(socket)));
    socket.once('error', (e) => (clearTimeout(timer), reject(new UpstreamError(`cannot reach target ${target.host}:${target.port}: ${e.message}`))));
  });
}

async function startTls(socket: net.Socket, target: UpstreamTarget): Promise<tls.TLSSocket> {
  socket.write(new MessageWriter().int32(StartupCode.SSLRequest).build(null));
  const answer = await new Promise<number>((resolve, reject) => {
    socket.once('data', (d: Buffer) => (d.length === 1 ? resolve(d[0]!) : reject(new UpstreamError('target answered SSLRequest with more than one byte'))));
    socket.once('error', reject);
  });
  if (answer !== 0x53) throw new UpstreamError(`target ${target.host}:${target.port} does not offer TLS but the target's TLS mode is ${target.tlsMode}`);
  return new Promise((resolve, reject) => {
    const secure = tls.connect({
      socket,
      servername: net.isIP(target.host) ? undefined : target.host,
      rejectUnauthorized: target.tlsMode === 'verify-full',
    });
    secure.once('secureConnect', () => resolve(secure));
    secure.once('error', (e) => reject(new UpstreamError(`TLS to target failed: ${e.message}`)));
  });
}

async function authenticate(socket: net.Socket, reader: FrameReader, target: UpstreamTarget, isTls: boolean): Promise<void> {
  let scram: ScramClient | null = null;
  for (;;) {
    const frame = await reader.next(HANDSHAKE_TIMEOUT_MS);
    if (frame.type === Backend.ErrorResponse) throw upstreamRefusal(frame.payload);
    if (frame.type !== Backend.Authentication) throw new UpstreamError(`unexpected message '${String.fromCharCode(frame.type)}' during authentication`);
    const r = new MessageReader(frame.payload);
    const code = r.int32();
    if (code === AuthCode.Ok) return;
    if (code === AuthCode.CleartextPassword) {
      if (!isTls) throw new UpstreamError('target asked for the password in cleartext over a non-TLS link; refusing to send it (use TLS or SCRAM on the target)');
      socket.write(buildPasswordMessage(target.password));
    } else if (code === AuthCode.MD5Password) {
      socket.write(buildPasswordMessage(md5Password(target.username, target.password, r.bytes(4))));
    } else if (code === AuthCode.SASL) {
      const mechanisms: string[] = [];
      for (let m = r.cstring(); m; m = r.remaining ? r.cstring() : '') mechanisms.push(m);
      if (!mechanisms.includes('SCRAM-SHA-256')) throw new UpstreamError(`target offers only ${mechanisms.join(', ')}; Gatehouse supports SCRAM-SHA-256`);
      scram = new ScramClient(target.password);
      const first = Buffer.from(scram.clientFirst());
      socket.write(new MessageWriter().cstring('SCRAM-SHA-256').int32(first.length).bytes(first).build(Frontend.PasswordMessage));
    } else if (code === AuthCode.SASLContinue && scram) {
      socket.write(new MessageWriter().bytes(Buffer.from(scram.clientFinal(r.rest().toString('utf8')))).build(Frontend.PasswordMessage));
    } else if (code === AuthCode.SASLFinal && scram) {
      scram.verifyServerFinal(r.rest().toString('utf8'));
    } else {
      throw new UpstreamError(`target asked for an unsupported authentication method (code ${code})`);
    }
  }
}

/** Forwards a cancel to the target with the target's own key; the client only ever saw Gatehouse's key. */
export function sendUpstreamCancel(target: Pick<UpstreamTarget, 'host' | 'port'>, key: { pid: number; secret: number }): void {
  const socket = net.connect({ host: target.host, port: target.port }, () => {
    socket.end(new MessageWriter().int32(StartupCode.CancelRequest).int32(key.pid).int32(key.secret).build(null));
  });
  socket.on('error', () => socket.destroy());
  socket.setTimeout(5000, () => socket.destroy());
}
