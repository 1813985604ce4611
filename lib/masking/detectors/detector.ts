/** A span of the text: UTF-16 indexes, end exclusive. */
export type Span = { start: number; end: number };

export type Detector = { name: string; label: string; find(text: string): Span[] };

/** What a match stands for: its own span, a corrected one, several (a run holding two cards), or nothing. */
export type Accept = (match: string, start: number) => Span | Span[] | null;

const wholeMatch: Accept = (match, start) => ({ start, end: start + match.length });

/**
 * Runs a global regex over the text, keeping what `accept` vouches for. An empty match moves on
 * by one code point: stepping one code unit into a surrogate pair makes a `u` regex match the
 * same empty string again, forever.
 */
export function matchSpans(text: string, regex: RegExp, accept: Accept = wholeMatch): Span[] {
  const spans: Span[] = [];
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
    if (m[0].length === 0) {
      regex.lastIndex = m.index + ((text.codePointAt(m.index) ?? 0) > 0xffff ? 2 : 1);
      continue;
    }
    const found = accept(m[0], m.index);
    if (Array.isArray(found)) spans.push(...found);
    else if (found) spans.push(found);
  }
  return spans;
}

/** True once the text holds at least `n` ASCII digits: the cheap test before a digit detector's regex. */
export function hasDigits(text: string, n: number): boolean {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57 && ++count >= n) return true;
  }
  return false;
}
