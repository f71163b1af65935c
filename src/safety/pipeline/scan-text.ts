import { normalize } from "../normalize/normalize";
import { mergeFindings } from "../redact/merge";
import type { Detector, Finding, NormalizedText } from "../types";

/**
 * Every finding of `detectors` in `text`, with spans in the original text. The text is normalised once; a detector
 * with `keywords` runs only when one of them occurs in the lower-cased normalised text, so the common clean case
 * costs a normalisation and a few `includes`. Spans decoded from base64 / hex / URL-encoding are scanned too and
 * their findings cover the whole encoded span. Overlapping findings of one category are merged into one.
 */
export function scanText(text: string, detectors: readonly Detector[]): Finding[] {
  if (text.length === 0 || detectors.length === 0) return [];
  const normalized = normalize(text);
  const findings = runDetectors(normalized, detectors);
  for (const span of normalized.decoded) {
    // The decoded text is scanned as its own text; a finding anywhere in it is reported on the encoded span.
    const inner = runDetectors(normalize(span.text), detectors);
    for (const finding of inner) findings.push({ ...finding, start: span.start, end: span.end });
  }
  return dedupe(findings);
}

function runDetectors(input: NormalizedText, detectors: readonly Detector[]): Finding[] {
  const lower = input.text.toLowerCase();
  const out: Finding[] = [];
  for (const detector of detectors) {
    const keywords = detector.keywords;
    if (keywords !== undefined && keywords.length > 0 && !keywords.some((k) => lower.includes(k))) continue;
    out.push(...detector.scan(input));
  }
  return out;
}

/** Per category, overlapping findings become one (the redactor's merge: the most confident wins, widened). */
function dedupe(findings: Finding[]): Finding[] {
  if (findings.length < 2) return findings;
  const byCategory = new Map<string, Finding[]>();
  for (const f of findings) byCategory.set(f.category, [...(byCategory.get(f.category) ?? []), f]);
  return [...byCategory.values()].flatMap((group) => mergeFindings(group)).sort((a, b) => a.start - b.start);
}
