/** A span of the text: UTF-16 indexes, end exclusive. */
export type Span = { start: number; end: number };

export type Detector = { name: string; label: string; find(text: string): Span[] };

/** Runs a global regex over the text, keeping the matches `accept` vouches for (it may shorten them). */
export function matchSpans(text: string, regex: RegExp, accept: (match: string, start: number) => Span | null = (m, s) => ({ start: s, end: s + m.length })): Span[] {
  const spans: Span[] = [];
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
    if (m[0].length === 0) {
      regex.lastIndex++;
      continue;
    }
    const span = accept(m[0], m.index);
    if (span) spans.push(span);
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
