import { scanText } from "../pipeline/scan-text";
import type { Detector } from "../types";
import type { StreamFinding } from "./stream-scanner";

/** Injection text is scanned in segments of this many characters (plus the overlap), not per delta. */
const SEGMENT_CHARS = 2048;
const OVERLAP_CHARS = 256;

export interface InjectionTally {
  /** Adds streamed text; returns the findings of a segment once one is complete (or of the rest when `final`). */
  add(text: string, final: boolean): StreamFinding[];
}

/**
 * Injection in a model's output is flagged (warn / log), not masked, so it needs no hold-back: the text is forwarded
 * at once and scanned here in ~2 KB segments, each with a 256-character overlap so a phrase across a segment boundary
 * is still seen whole. The classifier is costlier than the regex detectors, so per-segment beats per-delta. With
 * `block` on output injection the stream stops at the end of the segment that showed it (up to a segment late).
 */
export function injectionTally(detectors: readonly Detector[]): InjectionTally {
  let buffer = "";
  let fresh = 0;
  return {
    add(text, final) {
      if (detectors.length === 0) return [];
      buffer += text;
      fresh += text.length;
      if (fresh === 0 || (!final && buffer.length < SEGMENT_CHARS + OVERLAP_CHARS)) return [];
      const findings = scanText(buffer, detectors).map((f) => ({ ...f, value: buffer.slice(f.start, f.end) }));
      buffer = buffer.slice(-OVERLAP_CHARS);
      fresh = 0;
      return findings;
    },
  };
}
