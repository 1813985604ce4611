import net from 'node:net';
import { acceptClient, fatal, HandshakeError, type HandshakeOptions } from './client-handshake';
import { ProtocolError } from './message-buffer';
import { sendUpstreamCancel } from './upstream-connect';
import { openSession, type OpenSessionDeps } from './open-session';

export type ListenerOptions = OpenSessionDeps & {
  host: string;
  port: number;
  tls: HandshakeOptions['tls'];
  allowCleartextOnLoopback: boolean;
  preAuthTimeoutMs: number;
};

/** Accepts PostgreSQL clients; each connection gets the whole pre-authentication phase within one deadline. */
export function startPgListener(options: ListenerOptions): Promise<net.Server> {
  const server = net.createServer((socket) => void handleConnection(socket, options));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

async function handleConnection(raw: net.Socket, options: ListenerOptions): Promise<void> {
  raw.setNoDelay(true);
  raw.on('error', () => raw.destroy());
  const deadline = Date.now() + options.preAuthTimeoutMs;
  let socket: net.Socket = raw;
  const guard = setTimeout(() => socket.destroy(), options.preAuthTimeoutMs);
  try {
    const hello = await acceptClient(raw, {
      tls: options.tls,
      allowCleartextOnLoopback: options.allowCleartextOnLoopback,
      deadline,
      onCancel: (pid, secret) => {
        const target = options.cancels.lookup(pid, secret);
        if (target && !target.intercept?.()) sendUpstreamCancel(target, target.key);
      },
    });
    if (hello.kind === 'cancel') return;
    socket = hello.socket;
    await openSession(options, hello);
  } catch (e) {
    if (e instanceof HandshakeError) fatal(socket, e.message, e.sqlstate);
    else if (e instanceof ProtocolError) fatal(socket, `Gatehouse: protocol violation: ${e.message}`, '08P01');
    else socket.destroy();
  } finally {
    clearTimeout(guard);
  }
}
