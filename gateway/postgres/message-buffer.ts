export type Frame = { type: number; payload: Buffer; raw: Buffer };

export class ProtocolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProtocolError';
  }
}

/**
 * Turns a byte stream into whole typed frames (1-byte type, 4-byte length including itself, body).
 * Partial frames wait for the next chunk; a declared length above the cap is a protocol error
 * raised before any of that body is buffered.
 */
export class MessageBuffer {
  private chunks: Buffer[] = [];
  private size = 0;

  constructor(private readonly maxMessageBytes: number) {}

  get buffered(): number {
    return this.size;
  }

  push(chunk: Buffer): Frame[] {
    if (chunk.length === 0) return [];
    this.chunks.push(chunk);
    this.size += chunk.length;
    let data = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.size);
    const frames: Frame[] = [];
    let offset = 0;
    while (data.length - offset >= 5) {
      const length = data.readUInt32BE(offset + 1);
      if (length < 4) throw new ProtocolError(`invalid message length ${length}`);
      if (length + 1 > this.maxMessageBytes) {
        throw new ProtocolError(`message of ${length + 1} bytes exceeds the limit of ${this.maxMessageBytes}`);
      }
      const end = offset + 1 + length;
      if (end > data.length) break;
      const raw = data.subarray(offset, end);
      frames.push({ type: raw[0]!, payload: raw.subarray(5), raw });
      offset = end;
    }
    data = data.subarray(offset);
    this.chunks = data.length ? [data] : [];
    this.size = data.length;
    return frames;
  }
}

/**
 * The first message a client sends has no type byte: a length and a body. Returns it once complete,
 * with whatever bytes followed it.
 */
export function takeStartupFrame(data: Buffer, maxBytes: number): { payload: Buffer; rest: Buffer } | null {
  if (data.length < 4) return null;
  const length = data.readUInt32BE(0);
  if (length < 8 || length > maxBytes) throw new ProtocolError(`invalid startup message length ${length}`);
  if (data.length < length) return null;
  return { payload: data.subarray(4, length), rest: data.subarray(length) };
}

/** Frames cut from one chunk sit back to back in one buffer: pass that span on without copying. */
export function contiguous(frames: Frame[]): Buffer {
  const first = frames[0]!.raw;
  const last = frames[frames.length - 1]!.raw;
  if (first.buffer !== last.buffer) return Buffer.concat(frames.map((f) => f.raw));
  return Buffer.from(first.buffer, first.byteOffset, last.byteOffset + last.length - first.byteOffset);
}
