import { describe, expect, it } from 'vitest';
import { MessageBuffer, ProtocolError, takeStartupFrame } from './message-buffer';
import { buildParse, buildQuery, buildStartupMessage, parseParse, parseQuery, parseStartupParams } from './frontend-messages';

const stream = Buffer.concat([buildQuery('select 1'), buildParse({ name: 's1', query: 'select $1::int', paramTypes: [23] }), buildQuery('')]);

describe('MessageBuffer', () => {
  it('yields the same frames wherever the stream is split', () => {
    for (let cut = 0; cut <= stream.length; cut++) {
      const buffer = new MessageBuffer(1024);
      const frames = [...buffer.push(stream.subarray(0, cut)), ...buffer.push(stream.subarray(cut))];
      expect(frames.map((f) => String.fromCharCode(f.type))).toEqual(['Q', 'P', 'Q']);
      expect(parseQuery(frames[0]!.payload)).toBe('select 1');
      expect(parseParse(frames[1]!.payload)).toEqual({ name: 's1', query: 'select $1::int', paramTypes: [23] });
      expect(buffer.buffered).toBe(0);
    }
  });

  it('yields the same frames when fed one byte at a time', () => {
    const buffer = new MessageBuffer(1024);
    const frames = [...stream].flatMap((byte) => buffer.push(Buffer.from([byte])));
    expect(frames.map((f) => f.raw.length)).toEqual([14, stream.length - 14 - 6, 6]);
  });

  it('refuses a declared length above the cap before buffering the body', () => {
    const buffer = new MessageBuffer(100);
    const header = Buffer.from([0x51, 0, 0, 1, 0]);
    expect(() => buffer.push(header)).toThrow(ProtocolError);
  });

  it('refuses a length below four', () => {
    expect(() => new MessageBuffer(100).push(Buffer.from([0x51, 0, 0, 0, 2]))).toThrow(/invalid message length/);
  });
});

describe('startup frame', () => {
  it('waits for the whole message and returns what follows', () => {
    const startup = buildStartupMessage({ user: 'u', database: 'demo', application_name: 'psql' });
    expect(takeStartupFrame(startup.subarray(0, 10), 10_000)).toBeNull();
    const taken = takeStartupFrame(Buffer.concat([startup, Buffer.from('x')]), 10_000)!;
    expect(taken.rest.toString()).toBe('x');
    expect(parseStartupParams(taken.payload.subarray(4))).toEqual({ user: 'u', database: 'demo', application_name: 'psql' });
  });

  it('refuses absurd lengths', () => {
    expect(() => takeStartupFrame(Buffer.from([0, 0, 0, 4]), 10_000)).toThrow(ProtocolError);
    expect(() => takeStartupFrame(Buffer.from([0x7f, 0, 0, 0]), 10_000)).toThrow(ProtocolError);
  });
});
