import { normalize } from "../normalize/normalize";
import { mergeFindings } from "../redact/merge";
import type { Detector, Finding, NormalizedText } from "../types";
import { scansDecodedItself } from "./detectors";

/**
 * Every finding of `detectors` in `text`, with spans in the original text. The text is normalised once; a detector
 * with `keywords` runs only when one of them occurs in the lower-cased normalised text, so the common clean case
 * costs a normalisation and a few `includes`. Spans decoded from base64 / hex / URL-encoding are scanned too and
 * their findings cover the whole encoded span. Overlapping findings of one category are merged into one.
 */
export function scanText(text: string, detectors: readonly Detector[]): Finding[] {
  if (text.length === 0 || detectors.length === 0) return [];
  const normalized = normalize(text);
  const findings: Finding[] = [];
  runDetectors(normalized, detectors, findings);
  if (normalized.decoded.length > 0) {
    // Detectors that scan `input.decoded` themselves (every secret detector, the injection detectors) have already
    // reported the decoded spans, on the encoded span, from the pass above; the rest get them here.
    const others = detectors.filter((d) => !scansDecodedItself(d));
    for (const span of normalized.decoded) {
      // The decoded text is scanned as its own text; a finding anywhere in it is reported on the encoded span.
      const inner = normalize(span.text);
      // When normalising the decoded text changes it or finds encodings nested in it, the self-scanning detectors
      // would see something else here than in their own pass, so they run again (their duplicates merge away).
      const simple = inner.text === span.text && inner.decoded.length === 0;
      const found: Finding[] = [];
      runDetectors(inner, simple ? others : detectors, found);
      for (const finding of found) findings.push({ ...finding, start: span.start, end: span.end });
    }
  }
  return dedupe(findings);
}

function runDetectors(input: NormalizedText, detectors: readonly Detector[], out: Finding[]): void {
  let lower: string | undefined;
  for (const detector of detectors) {
    const keywords = detector.keywords;
    if (keywords !== undefined && keywords.length > 0) {
      lower ??= input.text.toLowerCase();
      if (!hasKeyword(lower, keywords)) continue;
    }
    for (const finding of detector.scan(input)) out.push(finding);
  }
}

function hasKeyword(lower: string, keywords: readonly string[]): boolean {
  for (const k of keywords) if (lower.includes(k)) return true;
  return false;
}

/** Per category, overlapping findings become one (the redactor's merge: the most confident wins, widened). */
function dedupe(findings: Finding[]): Finding[] {
  if (findings.length < 2) return findings;
  const byCategory = new Map<string, Finding[]>();
  for (const f of findings) {
    const group = byCategory.get(f.category);
    if (group === undefined) byCategory.set(f.category, [f]);
    else group.push(f);
  }
  const out: Finding[] = [];
  for (const group of byCategory.values()) for (const f of mergeFindings(group)) out.push(f);
  return out.sort((a, b) => a.start - b.start);
}
