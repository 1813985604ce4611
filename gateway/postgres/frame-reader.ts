import type { Duplex } from 'node:stream';
import { MessageBuffer, type Frame } from './message-buffer';

/**
 * Awaitable frames from a socket, for the request/response handshakes before relaying starts.
 * `release()` detaches it and hands back any frames already read, so none are lost.
 */
export class FrameReader {
  private readonly buffer: MessageBuffer;
  private frames: Frame[] = [];
  private waiter: { resolve: (f: Frame) => void; reject: (e: Error) => void } | null = null;
  private failure: Error | null = null;
  private readonly onData = (chunk: Buffer) => {
    try {
      this.frames.push(...this.buffer.push(chunk));
    } catch (e) {
      this.fail(e as Error);
    }
    this.deliver();
  };
  private readonly onEnd = () => this.fail(new Error('connection closed by peer'));
  private readonly onError = (e: Error) => this.fail(e);

  constructor(
    private readonly socket: Duplex,
    maxMessageBytes: number,
  ) {
    this.buffer = new MessageBuffer(maxMessageBytes);
    socket.on('data', this.onData);
    socket.on('end', this.onEnd);
    socket.on('close', this.onEnd);
    socket.on('error', this.onError);
  }

  next(timeoutMs: number): Promise<Frame> {
    if (this.frames.length) return Promise.resolve(this.frames.shift()!);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = null;
        reject(new Error(`no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiter = {
        resolve: (f) => (clearTimeout(timer), resolve(f)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      };
    });
  }

  release(): { frames: Frame[]; buffer: MessageBuffer } {
    this.socket.off('data', this.onData);
    this.socket.off('end', this.onEnd);
    this.socket.off('close', this.onEnd);
    this.socket.off('error', this.onError);
    return { frames: this.frames, buffer: this.buffer };
  }

  private fail(e: Error): void {
    this.failure ??= e;
    this.deliver();
  }

  private deliver(): void {
    if (!this.waiter) return;
    const w = this.waiter;
    if (this.frames.length) {
      this.waiter = null;
      w.resolve(this.frames.shift()!);
    } else if (this.failure) {
      this.waiter = null;
      w.reject(this.failure);
    }
  }
}
