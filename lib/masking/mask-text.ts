import type { Detector, Span } from './detectors';
import type { MaskingStrategy } from './masking-schema';
import { maskSpan, REDACTED, type MaskContext } from './strategies';

export type ActiveDetector = { ruleId: string; detector: Detector; strategy: MaskingStrategy };

type Found = Span & { active: ActiveDetector };

/** Shorter than the shortest thing a detector finds (an e-mail like a@b.io): nothing to look for. */
const MIN_LENGTH = 6;

/** Spans in text order, an earlier detector winning where two overlap. Throws what a detector throws. */
function collect(text: string, detectors: readonly ActiveDetector[]): Found[] {
  const found: Found[] = [];
  for (const active of detectors) {
    for (const span of active.detector.find(text)) {
      if (!found.some((f) => span.start < f.end && f.start < span.end)) found.push({ ...span, active });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * Replaces every detected span; returns the very same string when nothing was found. A detector
 * that throws makes the whole text `[redacted]`: fail closed, never the original.
 */
export function maskText(text: string, detectors: readonly ActiveDetector[], ctx: MaskContext): string {
  if (detectors.length === 0 || text.length < MIN_LENGTH) return text;
  let found: Found[];
  try {
    found = collect(text, detectors);
  } catch {
    return REDACTED;
  }
  if (found.length === 0) return text;
  let out = '';
  let at = 0;
  for (const f of found) {
    out += text.slice(at, f.start) + maskSpan(f.active.strategy, text.slice(f.start, f.end), f.active.detector.label, ctx);
    at = f.end;
  }
  return out + text.slice(at);
}

/** What each detector finds in a sample and what it becomes, for the portal's sample-text box. */
export function findDetections(
  text: string,
  detectors: readonly ActiveDetector[],
  ctx: MaskContext,
): { ruleId: string; label: string; start: number; end: number; found: string; masked: string }[] {
  return collect(text, detectors).map((f) => {
    const found = text.slice(f.start, f.end);
    return { ruleId: f.active.ruleId, label: f.active.detector.label, start: f.start, end: f.end, found, masked: maskSpan(f.active.strategy, found, f.active.detector.label, ctx) };
  });
}
