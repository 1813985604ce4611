import net from 'node:net';
import tls from 'node:tls';
import { FrameReader } from '../gateway/postgres/frame-reader';
import type { Frame } from '../gateway/postgres/message-buffer';
import { MessageWriter } from '../gateway/postgres/message-writer';
import { buildPasswordMessage, buildStartupMessage } from '../gateway/postgres/frontend-messages';
import { Backend, StartupCode } from '../gateway/postgres/message-codes';

/** A bare protocol client for tests that need exact control of the message stream (pipelines). */
export class RawPgClient {
  private constructor(
    readonly socket: tls.TLSSocket,
    readonly reader: FrameReader,
  ) {}

  static async connect(port: number, database: string, token: string): Promise<RawPgClient> {
    const raw = net.connect({ host: '127.0.0.1', port });
    await new Promise((r) => raw.once('connect', r));
    raw.write(new MessageWriter().int32(StartupCode.SSLRequest).build(null));
    await new Promise((r) => raw.once('data', r));
    const socket = tls.connect({ socket: raw, rejectUnauthorized: false });
    await new Promise((r) => socket.once('secureConnect', r));
    const client = new RawPgClient(socket, new FrameReader(socket, 1 << 20));
    socket.write(buildStartupMessage({ user: 'raw', database }));
    await client.next();
    socket.write(buildPasswordMessage(token));
    await client.until(Backend.ReadyForQuery);
    return client;
  }

  next(): Promise<Frame> {
    return this.reader.next(5000);
  }

  /** Reads frames up to and including the first of the given type. */
  async until(type: number): Promise<Frame[]> {
    const frames: Frame[] = [];
    for (;;) {
      const f = await this.next();
      frames.push(f);
      if (f.type === Backend.ErrorResponse && f.payload.toString().includes('SFATAL')) throw new Error(f.payload.toString());
      if (f.type === type) return frames;
    }
  }

  send(...messages: Buffer[]): void {
    this.socket.write(Buffer.concat(messages));
  }

  close(): void {
    this.socket.destroy();
  }
}

export const types = (frames: Frame[]) => frames.map((f) => String.fromCharCode(f.type)).join('');
