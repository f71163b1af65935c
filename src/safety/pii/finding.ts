import type { Finding, NormalizedText } from "../types";

/**
 * Builds a PII finding from a span of the NORMALISED text, mapping both ends back through `input.offsets` so that
 * redaction cuts the original string (which may contain zero-width characters or full-width digits) correctly.
 */
export function piiFinding(
  input: NormalizedText,
  detector: string,
  label: string,
  start: number,
  end: number,
  confidence: number,
): Finding {
  const originalStart = input.offsets[start] ?? start;
  const originalEnd = input.offsets[end] ?? input.original.length;
  return { detector, category: "pii", label, start: originalStart, end: originalEnd, confidence };
}

/**
 * True when one of `words` (lower-case) occurs in the `window` characters before `index`. Used as the "context
 * signal" that lets weak shapes (bare 9-digit SSNs, short national phone numbers, names) count as PII.
 */
export function contextBefore(lowerText: string, index: number, words: readonly string[], window = 40): boolean {
  const slice = lowerText.slice(Math.max(0, index - window), index);
  return words.some((word) => slice.includes(word));
}

/** Same as `contextBefore`, looking at the `window` characters after `index`. */
export function contextAfter(lowerText: string, index: number, words: readonly string[], window = 20): boolean {
  const slice = lowerText.slice(index, index + window);
  return words.some((word) => slice.includes(word));
}
