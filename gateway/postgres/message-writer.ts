/** Builds one typed message: type byte, length, then the fields in order. */
export class MessageWriter {
  private parts: Buffer[] = [];
  private length = 0;

  private add(buf: Buffer): this {
    this.parts.push(buf);
    this.length += buf.length;
    return this;
  }

  int32(n: number): this {
    const b = Buffer.allocUnsafe(4);
    b.writeInt32BE(n);
    return this.add(b);
  }

  int16(n: number): this {
    const b = Buffer.allocUnsafe(2);
    b.writeInt16BE(n);
    return this.add(b);
  }

  byte(n: number): this {
    return this.add(Buffer.from([n]));
  }

  cstring(s: string): this {
    return this.add(Buffer.from(s + '\0', 'utf8'));
  }

  bytes(b: Buffer): this {
    return this.add(b);
  }

  build(type: number | null): Buffer {
    const header = Buffer.allocUnsafe(type === null ? 4 : 5);
    if (type === null) header.writeInt32BE(this.length + 4);
    else {
      header[0] = type;
      header.writeInt32BE(this.length + 4, 1);
    }
    return Buffer.concat([header, ...this.parts], header.length + this.length);
  }
}

/** Reads fields in order from a message body. */
export class MessageReader {
  offset = 0;

  constructor(private readonly buf: Buffer) {}

  get remaining(): number {
    return this.buf.length - this.offset;
  }

  int32(): number {
    const n = this.buf.readInt32BE(this.offset);
    this.offset += 4;
    return n;
  }

  int16(): number {
    const n = this.buf.readInt16BE(this.offset);
    this.offset += 2;
    return n;
  }

  byte(): number {
    return this.buf[this.offset++]!;
  }

  cstring(): string {
    const end = this.buf.indexOf(0, this.offset);
    if (end < 0) throw new RangeError('unterminated string in message');
    const s = this.buf.toString('utf8', this.offset, end);
    this.offset = end + 1;
    return s;
  }

  bytes(n: number): Buffer {
    if (n < 0 || this.offset + n > this.buf.length) throw new RangeError('field runs past the end of the message');
    const b = this.buf.subarray(this.offset, this.offset + n);
    this.offset += n;
    return b;
  }

  rest(): Buffer {
    const b = this.buf.subarray(this.offset);
    this.offset = this.buf.length;
    return b;
  }
}
