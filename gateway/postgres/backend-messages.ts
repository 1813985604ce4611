import { AuthCode, Backend } from './message-codes';
import { MessageWriter } from './message-writer';

export type Severity = 'ERROR' | 'FATAL' | 'NOTICE' | 'WARNING';

export type NoticeFields = { severity: Severity; code: string; message: string; detail?: string; hint?: string };

/** ErrorResponse and NoticeResponse share a body: (field byte, cstring)* then a zero byte. */
function fieldsBody(f: NoticeFields): MessageWriter {
  const w = new MessageWriter()
    .byte(0x53) // 'S'
    .cstring(f.severity)
    .byte(0x56) // 'V' non-localized severity
    .cstring(f.severity)
    .byte(0x43) // 'C'
    .cstring(f.code)
    .byte(0x4d) // 'M'
    .cstring(f.message);
  if (f.detail) w.byte(0x44).cstring(f.detail); // 'D'
  if (f.hint) w.byte(0x48).cstring(f.hint); // 'H'
  return w.byte(0);
}

export const errorResponse = (f: NoticeFields) => fieldsBody(f).build(Backend.ErrorResponse);
export const noticeResponse = (f: NoticeFields) => fieldsBody(f).build(Backend.NoticeResponse);

export const authenticationOk = () => new MessageWriter().int32(AuthCode.Ok).build(Backend.Authentication);
export const authenticationCleartextPassword = () => new MessageWriter().int32(AuthCode.CleartextPassword).build(Backend.Authentication);

export const parameterStatus = (name: string, value: string) => new MessageWriter().cstring(name).cstring(value).build(Backend.ParameterStatus);

export const backendKeyData = (pid: number, secret: number) => new MessageWriter().int32(pid).int32(secret).build(Backend.BackendKeyData);

export const readyForQuery = (status: TransactionStatus) => new MessageWriter().byte(status.charCodeAt(0)).build(Backend.ReadyForQuery);

/** 'I' idle, 'T' in a transaction block, 'E' in a failed transaction block. */
export type TransactionStatus = 'I' | 'T' | 'E';

/** Parses an ErrorResponse/NoticeResponse body into its fields keyed by the field byte as a letter. */
export function parseNoticeFields(payload: Buffer): Record<string, string> {
  const fields: Record<string, string> = {};
  let offset = 0;
  while (offset < payload.length && payload[offset] !== 0) {
    const key = String.fromCharCode(payload[offset]!);
    const end = payload.indexOf(0, offset + 1);
    if (end < 0) break;
    fields[key] = payload.toString('utf8', offset + 1, end);
    offset = end + 1;
  }
  return fields;
}
