import { createHmac } from 'node:crypto';
import type { MaskingStrategy } from './masking-schema';

export type MaskContext = { hashKey: Buffer };

export const REDACTED = '[redacted]';
const HIDDEN = '****';
const EMAIL = /^[^@\s]+@([^@\s]+)$/u;

function keepLast(value: string, n: number): string {
  const chars = [...value];
  return chars.length > n ? HIDDEN + chars.slice(-n).join('') : HIDDEN;
}

/** Keyed per target, so tokens from one installation or target say nothing about another's. */
function hashToken(value: string, ctx: MaskContext): string {
  return `hash_${createHmac('sha256', ctx.hashKey).update(value, 'utf8').digest('hex').slice(0, 16)}`;
}

/**
 * Masks a whole cell value; null means SQL NULL. Replacements never contain tab, newline,
 * backslash or quotes: they are also put into COPY text lines and error messages.
 */
export function maskValue(strategy: MaskingStrategy, value: string, ctx: MaskContext): string | null {
  switch (strategy.type) {
    case 'redact':
      return REDACTED;
    case 'keep-last':
      return keepLast(value, strategy.n);
    case 'email-domain': {
      const domain = EMAIL.exec(value)?.[1];
      return domain ? `${HIDDEN}@${domain}` : REDACTED;
    }
    case 'hash':
      return hashToken(value, ctx);
    case 'null':
      return null;
  }
}

/** Masks a span found inside a longer text; never null (a whole-cell NULL cannot replace part of a text). */
export function maskSpan(strategy: MaskingStrategy, span: string, label: string, ctx: MaskContext): string {
  const labelled = `[redacted ${label}]`;
  switch (strategy.type) {
    case 'redact':
    case 'null':
      return labelled;
    case 'keep-last':
      return keepLast(span, strategy.n);
    case 'email-domain': {
      const domain = EMAIL.exec(span)?.[1];
      return domain ? `${HIDDEN}@${domain}` : labelled;
    }
    case 'hash':
      return hashToken(span, ctx);
  }
}
