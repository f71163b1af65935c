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
 * True when one of `words` (lower-case) occurs, case-insensitively, in the `window` characters of `text` before
 * `index`. Used as the "context signal" that lets weak shapes (bare 9-digit SSNs, short national phone numbers,
 * names) count as PII. Only the window is lower-cased, never the whole text.
 */
export function contextBefore(text: string, index: number, words: readonly string[], window = 40): boolean {
  const slice = text.slice(Math.max(0, index - window), index).toLowerCase();
  return words.some((word) => slice.includes(word));
}

/** Same as `contextBefore`, looking at the `window` characters after `index`. */
export function contextAfter(text: string, index: number, words: readonly string[], window = 20): boolean {
  const slice = text.slice(index, index + window).toLowerCase();
  return words.some((word) => slice.includes(word));
}
