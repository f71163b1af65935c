/** Maps a [start, end) span of normalised text back to UTF-16 offsets in the original text. */
import type { NormalizedText } from "../types";

export function toOriginalSpan(input: NormalizedText, start: number, end: number): { start: number; end: number } {
  const last = input.original.length;
  const s = input.offsets[start] ?? last;
  // The end maps through the last included character (+1), not offsets[end]: text the normaliser dropped right after
  // the span (zero-width characters) must not be pulled into it.
  const e = end > start ? (input.offsets[end - 1] ?? last - 1) + 1 : s;
  return { start: s, end: Math.max(s, Math.min(e, last)) };
}
