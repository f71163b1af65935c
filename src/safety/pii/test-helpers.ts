import type { Finding, NormalizedText } from "../types";

/** Identity normalisation for unit tests (the real normaliser lives in `src/safety/normalize/`). */
export function plain(s: string): NormalizedText {
  return { original: s, text: s, offsets: [...Array(s.length + 1).keys()], decoded: [] };
}

/** The matched substrings, which is what most assertions care about. */
export function spans(s: string, findings: readonly Finding[]): string[] {
  return findings.map((f) => s.slice(f.start, f.end));
}
