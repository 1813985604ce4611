import { createHmac } from 'node:crypto';
import type { MaskingStrategy } from './masking-schema';

export type MaskContext = { hashKey: Buffer };

export const REDACTED = '[redacted]';
const HIDDEN = '****';
const WHITE_SPACE = /\s/u;
/**
 * What a replacement must not carry, because replacements are substituted into COPY text lines
 * (tab, newline and backslash are its syntax) and quoted in error messages. Kept characters of
 * the value (keep-last, the e-mail domain) that are any of these become '*'.
 */
const UNSAFE = /[\u0000-\u001f\u007f\\'"`]/g;

const HAS_UNSAFE = /[\u0000-\u001f\u007f\\'"`]/;

/** Tested before replacing: nearly every kept part is already safe, and this runs per masked cell. */
const safe = (s: string) => (HAS_UNSAFE.test(s) ? s.replace(UNSAFE, '*') : s);

const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;
const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;

/** `****` and the last n code points, walking back from the end so a long cell is not split into an array. */
function keepLast(value: string, n: number): string {
  let from = value.length;
  for (let kept = 0; kept < n && from > 0; kept++) {
    from -= from >= 2 && isLowSurrogate(value.charCodeAt(from - 1)) && isHighSurrogate(value.charCodeAt(from - 2)) ? 2 : 1;
  }
  return from > 0 ? HIDDEN + safe(value.slice(from)) : HIDDEN;
}

/** One '@' with something on both sides and no white space; indexOf first, as this runs per cell. */
function emailDomain(value: string): string | null {
  const at = value.indexOf('@');
  if (at <= 0 || at === value.length - 1 || value.indexOf('@', at + 1) !== -1 || WHITE_SPACE.test(value)) return null;
  return `${HIDDEN}@${safe(value.slice(at + 1))}`;
}

/** Keyed per target, so tokens from one installation or target say nothing about another's. */
function hashToken(value: string, ctx: MaskContext): string {
  return `hash_${createHmac('sha256', ctx.hashKey).update(value, 'utf8').digest('hex').slice(0, 16)}`;
}

/** Masks a whole cell value; null means SQL NULL. */
export function maskValue(strategy: MaskingStrategy, value: string, ctx: MaskContext): string | null {
  switch (strategy.type) {
    case 'redact':
      return REDACTED;
    case 'keep-last':
      return keepLast(value, strategy.n);
    case 'email-domain':
      return emailDomain(value) ?? REDACTED;
    case 'hash':
      return hashToken(value, ctx);
    case 'null':
      return null;
  }
}

/** Masks a span found inside a longer text; never null (a whole-cell NULL cannot replace part of a text). */
export function maskSpan(strategy: MaskingStrategy, span: string, label: string, ctx: MaskContext): string {
  switch (strategy.type) {
    case 'redact':
    case 'null':
      return `[redacted ${safe(label)}]`;
    case 'keep-last':
      return keepLast(span, strategy.n);
    case 'email-domain':
      return emailDomain(span) ?? `[redacted ${safe(label)}]`;
    case 'hash':
      return hashToken(span, ctx);
  }
}
