import { Frontend } from './message-codes';
import { MessageReader, MessageWriter } from './message-writer';

export type StartupParams = Record<string, string>;

/** StartupMessage body after the protocol version: (name cstring, value cstring)* then a zero byte. */
export function parseStartupParams(body: Buffer): StartupParams {
  const r = new MessageReader(body);
  const params: StartupParams = {};
  while (r.remaining > 1) {
    const name = r.cstring();
    if (name === '') break;
    params[name] = r.cstring();
  }
  return params;
}

export function buildStartupMessage(params: StartupParams): Buffer {
  const w = new MessageWriter().int32(196608);
  for (const [k, v] of Object.entries(params)) w.cstring(k).cstring(v);
  return w.byte(0).build(null);
}

export const parseQuery = (payload: Buffer): string => new MessageReader(payload).cstring();

export const buildQuery = (sql: string): Buffer => new MessageWriter().cstring(sql).build(Frontend.Query);

export type ParseMessage = { name: string; query: string; paramTypes: number[] };

export function parseParse(payload: Buffer): ParseMessage {
  const r = new MessageReader(payload);
  const name = r.cstring();
  const query = r.cstring();
  const count = r.int16();
  const paramTypes: number[] = [];
  for (let i = 0; i < count; i++) paramTypes.push(r.int32());
  return { name, query, paramTypes };
}

export function buildParse(m: ParseMessage): Buffer {
  const w = new MessageWriter().cstring(m.name).cstring(m.query).int16(m.paramTypes.length);
  for (const t of m.paramTypes) w.int32(t);
  return w.build(Frontend.Parse);
}

export type BindMessage = { portal: string; statement: string; paramFormats: number[]; values: (Buffer | null)[]; resultFormats: number[] };

export function parseBind(payload: Buffer): BindMessage {
  const r = new MessageReader(payload);
  const portal = r.cstring();
  const statement = r.cstring();
  const paramFormats = Array.from({ length: r.int16() }, () => r.int16());
  const values = Array.from({ length: r.int16() }, () => {
    const len = r.int32();
    return len === -1 ? null : r.bytes(len);
  });
  const resultFormats = Array.from({ length: r.int16() }, () => r.int16());
  return { portal, statement, paramFormats, values, resultFormats };
}

/** A parameter's format: one code for all, one per parameter, or none meaning text. */
export function paramFormat(bind: BindMessage, index: number): number {
  if (bind.paramFormats.length === 0) return 0;
  return bind.paramFormats.length === 1 ? bind.paramFormats[0]! : (bind.paramFormats[index] ?? 0);
}

export type ExecuteMessage = { portal: string; maxRows: number };

export function parseExecute(payload: Buffer): ExecuteMessage {
  const r = new MessageReader(payload);
  return { portal: r.cstring(), maxRows: r.int32() };
}

export type TargetRef = { kind: 'S' | 'P'; name: string };

/** Describe and Close: 'S' for a prepared statement, 'P' for a portal, then its name. */
export function parseTargetRef(payload: Buffer): TargetRef {
  const r = new MessageReader(payload);
  const kind = String.fromCharCode(r.byte());
  if (kind !== 'S' && kind !== 'P') throw new RangeError(`unknown object type '${kind}'`);
  return { kind, name: r.cstring() };
}

export const buildDescribe = (ref: TargetRef): Buffer => new MessageWriter().byte(ref.kind.charCodeAt(0)).cstring(ref.name).build(Frontend.Describe);

export const buildPasswordMessage = (password: string): Buffer => new MessageWriter().cstring(password).build(Frontend.PasswordMessage);

export const buildSync = (): Buffer => new MessageWriter().build(Frontend.Sync);
export const buildTerminate = (): Buffer => new MessageWriter().build(Frontend.Terminate);
