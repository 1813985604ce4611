const UNITS: Record<string, number> = {
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
};

/** Parses "90s", "15m", "12h", "30d", "2w" into milliseconds; null when the text is not a duration. */
export function parseDuration(text: string): number | null {
  const match = /^\s*(\d{1,6})\s*([smhdw])\s*$/i.exec(text);
  if (!match) return null;
  const ms = Number(match[1]) * UNITS[match[2]!.toLowerCase()]!;
  return ms > 0 ? ms : null;
}
