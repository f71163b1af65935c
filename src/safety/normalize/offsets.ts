import type { NormalizedText } from "../types";

/**
 * Maps a [start, end) span of `input.text` back to the original string. The end maps to the original index of the
 * first kept character after the span, so a span ending inside an NFKC expansion (one original character that became
 * several, e.g. `ﬁ` → `fi`) still covers that whole original character.
 */
export function toOriginalSpan(input: NormalizedText, start: number, end: number): { start: number; end: number } {
  const { offsets } = input;
  const len = input.text.length;
  const s = offsets[Math.min(Math.max(start, 0), len)] ?? input.original.length;
  if (end <= start) return { start: s, end: s };
  const last = offsets[Math.min(end, len) - 1] ?? s;
  let k = Math.min(end, len);
  while (k < len && (offsets[k] ?? Infinity) <= last) k++;
  return { start: s, end: offsets[k] ?? input.original.length };
}
