import type { Detector } from './detectors';
import type { MaskingStrategy } from './masking-schema';
import { maskSpan, REDACTED, type MaskContext } from './strategies';

export type ActiveDetector = { ruleId: string; detector: Detector; strategy: MaskingStrategy };

/** A span to replace and the index of the detector it answers to. */
type Found = { start: number; end: number; order: number };

export type Detection = { ruleId: string; label: string; start: number; end: number; found: string; masked: string };

/**
 * Every detector's spans, in text order. Overlapping spans become one span covering both, masked
 * by the earlier detector: dropping the later span instead would leave its part outside the
 * overlap in clear. Throws what a detector throws, and on a span outside the text.
 */
function collect(text: string, detectors: readonly ActiveDetector[]): Found[] {
  const found: Found[] = [];
  for (let order = 0; order < detectors.length; order++) {
    const { detector } = detectors[order]!;
    for (const { start, end } of detector.find(text)) {
      if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > text.length) {
        throw new Error(`detector ${detector.name} returned a span outside the text`);
      }
      if (end > start) found.push({ start, end, order });
    }
  }
  if (found.length < 2) return found;
  found.sort((a, b) => a.start - b.start || a.order - b.order);
  const merged: Found[] = [{ ...found[0]! }];
  for (let i = 1; i < found.length; i++) {
    const next = found[i]!;
    const last = merged[merged.length - 1]!;
    if (next.start < last.end) {
      last.end = Math.max(last.end, next.end);
      last.order = Math.min(last.order, next.order);
    } else {
      merged.push({ ...next });
    }
  }
  return merged;
}

function masked(text: string, f: Found, detectors: readonly ActiveDetector[], ctx: MaskContext): string {
  const { strategy, detector } = detectors[f.order]!;
  return maskSpan(strategy, text.slice(f.start, f.end), detector.label, ctx);
}

/**
 * Replaces every detected span; returns the very same string when nothing was found, so callers
 * can pass the original bytes on. Earlier detectors win overlapping spans. Anything that throws
 * (a detector, a strategy) makes the whole text `[redacted]`: fail closed, never the original.
 */
export function maskText(text: string, detectors: readonly ActiveDetector[], ctx: MaskContext): string {
  if (detectors.length === 0 || text.length === 0) return text;
  try {
    const found = collect(text, detectors);
    if (found.length === 0) return text;
    let out = '';
    let at = 0;
    for (const f of found) {
      out += text.slice(at, f.start) + masked(text, f, detectors, ctx);
      at = f.end;
    }
    return out + text.slice(at);
  } catch {
    return REDACTED;
  }
}

/** What the detectors find in a sample and what each finding becomes, for the portal's sample-text box. Throws what a detector throws. */
export function findDetections(text: string, detectors: readonly ActiveDetector[], ctx: MaskContext): Detection[] {
  return collect(text, detectors).map((f) => {
    const { ruleId, detector } = detectors[f.order]!;
    return { ruleId, label: detector.label, start: f.start, end: f.end, found: text.slice(f.start, f.end), masked: masked(text, f, detectors, ctx) };
  });
}
