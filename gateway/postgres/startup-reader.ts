import type { Duplex } from 'node:stream';
import { takeStartupFrame } from './message-buffer';

const MAX_STARTUP_BYTES = 10_000;

/**
 * Reads the untyped first message (SSLRequest, GSSENCRequest, CancelRequest or StartupMessage).
 * Returns it with any bytes that followed, which the caller must treat as a protocol violation
 * where the protocol says the client waits for an answer (e.g. before the TLS handshake).
 */
export function readStartupFrame(socket: Duplex, deadline: number): Promise<{ code: number; body: Buffer; rest: Buffer }> {
  return new Promise((resolve, reject) => {
    let data: Buffer = Buffer.alloc(0);
    const cleanup = () => {
      clearTimeout(timer);
      socket.off('data', onData);
      socket.off('error', onError);
      socket.off('end', onEnd);
    };
    const onData = (chunk: Buffer) => {
      data = data.length ? Buffer.concat([data, chunk]) : chunk;
      try {
        const frame = takeStartupFrame(data, MAX_STARTUP_BYTES);
        if (!frame) return;
        cleanup();
        resolve({ code: frame.payload.readUInt32BE(0), body: frame.payload.subarray(4), rest: frame.rest });
      } catch (e) {
        cleanup();
        reject(e);
      }
    };
    const onError = (e: Error) => (cleanup(), reject(e));
    const onEnd = () => (cleanup(), reject(new Error('client closed the connection during startup')));
    const timer = setTimeout(() => (cleanup(), reject(new Error('startup timed out'))), Math.max(0, deadline - Date.now()));
    socket.on('data', onData);
    socket.on('error', onError);
    socket.on('end', onEnd);
  });
}
