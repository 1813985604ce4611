import net from 'node:net';
import tls from 'node:tls';
import { Frontend, StartupCode } from './message-codes';
import { MessageReader, MessageWriter } from './message-writer';
import { authenticationCleartextPassword, errorResponse } from './backend-messages';
import { parseStartupParams, type StartupParams } from './frontend-messages';
import { readStartupFrame } from './startup-reader';
import { FrameReader } from './frame-reader';
import { ProtocolError } from './message-buffer';

export type HandshakeOptions = {
  tls: { cert: Buffer; key: Buffer };
  allowCleartextOnLoopback: boolean;
  deadline: number;
  onCancel: (pid: number, secret: number) => void;
};

export type ClientHello =
  | { kind: 'cancel' }
  | { kind: 'startup'; socket: net.Socket | tls.TLSSocket; params: StartupParams; password: string; isTls: boolean };

export class HandshakeError extends Error {
  constructor(
    message: string,
    readonly sqlstate: string,
  ) {
    super(message);
    this.name = 'HandshakeError';
  }
}

/**
 * The client side of startup, up to the password: SSLRequest is answered 'S' and upgraded
 * (bytes sent before the TLS handshake are refused: CVE-2021-23214), GSSENCRequest 'N',
 * CancelRequest handed to `onCancel`; then the StartupMessage, and the access token (or JWT) asked for
 * as a cleartext password, accepted only over TLS or, when configured, on loopback.
 * https://www.postgresql.org/docs/current/protocol-flow.html#PROTOCOL-FLOW-SSL
 */
export async function acceptClient(raw: net.Socket, options: HandshakeOptions): Promise<ClientHello> {
  let socket: net.Socket | tls.TLSSocket = raw;
  let isTls = false;
  for (let attempt = 0; attempt < 3; attempt++) {
    const { code, body, rest } = await readStartupFrame(socket, options.deadline);
    if (code === StartupCode.SSLRequest || code === StartupCode.GSSENCRequest) {
      if (rest.length) throw new ProtocolError('client sent data before the encryption handshake');
      if (code === StartupCode.GSSENCRequest || isTls) {
        socket.write('N');
        continue;
      }
      socket.write('S');
      socket = await upgrade(raw, options);
      isTls = true;
      continue;
    }
    if (code === StartupCode.CancelRequest) {
      const r = new MessageReader(body);
      options.onCancel(r.int32(), r.int32());
      socket.destroy();
      return { kind: 'cancel' };
    }
    if (code >> 16 !== 3) throw new HandshakeError(`unsupported frontend protocol ${code >> 16}.${code & 0xffff}: Gatehouse speaks 3.0`, '0A000');
    if (rest.length) throw new ProtocolError('client sent data before authentication completed');
    const params = parseStartupParams(body);
    negotiateMinorVersion(socket, code, params);
    const password = await askPassword(socket, isTls, options);
    return { kind: 'startup', socket, params, password, isTls };
  }
  throw new ProtocolError('too many encryption requests');
}

function upgrade(raw: net.Socket, options: HandshakeOptions): Promise<tls.TLSSocket> {
  return new Promise((resolve, reject) => {
    const secure = new tls.TLSSocket(raw, { isServer: true, cert: options.tls.cert, key: options.tls.key, minVersion: 'TLSv1.2' });
    const timer = setTimeout(() => secure.destroy(new Error('TLS handshake timed out')), Math.max(0, options.deadline - Date.now()));
    secure.once('secure', () => (clearTimeout(timer), resolve(secure)));
    secure.once('error', (e) => (clearTimeout(timer), reject(e)));
  });
}

/** A 3.x client asking for a newer minor version or _pq_ options gets NegotiateProtocolVersion for 3.0. */
function negotiateMinorVersion(socket: net.Socket, code: number, params: StartupParams): void {
  const unsupported = Object.keys(params).filter((k) => k.startsWith('_pq_.'));
  if ((code & 0xffff) === 0 && unsupported.length === 0) return;
  const w = new MessageWriter().int32(0).int32(unsupported.length);
  for (const option of unsupported) w.cstring(option);
  socket.write(w.build(0x76));
  for (const option of unsupported) delete params[option];
}

async function askPassword(socket: net.Socket | tls.TLSSocket, isTls: boolean, options: HandshakeOptions): Promise<string> {
  const loopback = net.isIP(socket.remoteAddress ?? '') !== 0 && isLoopback(socket.remoteAddress!);
  if (!isTls && !(options.allowCleartextOnLoopback && loopback)) {
    throw new HandshakeError('Gatehouse requires TLS: connect with sslmode=require (the password is your access token or JWT)', '28000');
  }
  socket.write(authenticationCleartextPassword());
  const reader = new FrameReader(socket, 16 * 1024);
  try {
    const frame = await reader.next(Math.max(0, options.deadline - Date.now()));
    if (frame.type !== Frontend.PasswordMessage) throw new ProtocolError(`expected a password message, got '${String.fromCharCode(frame.type)}'`);
    return new MessageReader(frame.payload).cstring();
  } finally {
    reader.release();
  }
}

function isLoopback(address: string): boolean {
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

export function fatal(socket: net.Socket | tls.TLSSocket, message: string, sqlstate: string): void {
  if (!socket.destroyed && socket.writable) socket.end(errorResponse({ severity: 'FATAL', code: sqlstate, message }));
  else socket.destroy();
}
