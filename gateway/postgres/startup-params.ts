import type { StartupParams } from './frontend-messages';

/**
 * Startup parameters passed on to the target. Everything else is dropped: `options` could carry
 * `-c role=...` or `-c standard_conforming_strings=off`, and `replication` opens another protocol.
 */
const FORWARDED = new Set(['application_name', 'client_encoding', 'datestyle', 'timezone', 'intervalstyle', 'extra_float_digits']);

/**
 * Client-only encodings in which a quote or backslash byte can be the second byte of a character:
 * the server would read such text differently from Gatehouse's UTF-8 parser.
 * https://www.postgresql.org/docs/current/multibyte.html
 */
const UNSAFE_ENCODINGS = new Set(['sjis', 'shiftjis', 'mskanji', 'win932', 'cp932', 'shiftjis2004', 'big5', 'win950', 'cp950', 'gbk', 'win936', 'cp936', 'uhc', 'win949', 'cp949', 'gb18030', 'johab']);

export function isUnsafeClientEncoding(value: string): boolean {
  return UNSAFE_ENCODINGS.has(value.toLowerCase().replace(/[^a-z0-9]/g, ''));
}

export function upstreamStartupParams(params: StartupParams): { forwarded: StartupParams; dropped: string[]; refused: string | null } {
  const forwarded: StartupParams = {};
  const dropped: string[] = [];
  for (const [name, value] of Object.entries(params)) {
    if (name === 'user' || name === 'database') continue;
    if (FORWARDED.has(name.toLowerCase())) forwarded[name] = value;
    else dropped.push(name);
  }
  const encoding = Object.entries(forwarded).find(([k]) => k.toLowerCase() === 'client_encoding')?.[1];
  const refused = encoding && isUnsafeClientEncoding(encoding) ? `client_encoding ${encoding} is not supported through Gatehouse; use UTF8` : null;
  return { forwarded, dropped, refused };
}
