import { normalize } from "../normalize/normalize";
import { mergeFindings } from "../redact/merge";
import type { Detector, Finding, NormalizedText } from "../types";
import { scansDecodedItself } from "./detectors";

/**
 * Every finding of `detectors` in `text`, with spans in the original text. The text is normalised once; a detector
 * with `keywords` runs only when one of them occurs in the normalised text (case-insensitively; the built-in secret
 * and PII detectors gate themselves through the shared keyword pass in `normalize/keyword-gate.ts` instead, so the
 * text is never lower-cased here for them). Spans decoded from base64 / hex / URL-encoding are scanned too and their
 * findings cover the whole encoded span. Overlapping findings of one category are merged into one.
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
      // Keywords without letters (`@`) are looked up in the text as is; only a lettered one needs the lower-cased copy.
      let hit = false;
      for (const k of keywords) {
        if (lettered(k)) {
          lower ??= input.text.toLowerCase();
          hit = lower.includes(k);
        } else hit = input.text.includes(k);
        if (hit) break;
      }
      if (!hit) continue;
    }
    for (const finding of detector.scan(input)) out.push(finding);
  }
}

const letteredCache = new Map<string, boolean>();
function lettered(keyword: string): boolean {
  let l = letteredCache.get(keyword);
  if (l === undefined) {
    l = /[a-z]/i.test(keyword);
    letteredCache.set(keyword, l);
  }
  return l;
}

/**
 * Per category, overlapping findings become one (the redactor's merge: the most confident wins, widened). The merge
 * compares every finding with every kept one, so it runs per cluster of overlapping findings (a sweep by start), not
 * over all of a long text's findings at once; findings of different clusters never touch, so the result is the same.
 */
function dedupe(findings: Finding[]): Finding[] {
  if (findings.length < 2) return findings;
  const byCategory = new Map<string, Finding[]>();
  for (const f of findings) {
    const group = byCategory.get(f.category);
    if (group === undefined) byCategory.set(f.category, [f]);
    else group.push(f);
  }
  const out: Finding[] = [];
  for (const group of byCategory.values()) {
    group.sort((a, b) => a.start - b.start);
    let cluster: Finding[] = [];
    let clusterEnd = -1;
    const flush = (): void => {
      if (cluster.length === 1) {
        const only = cluster[0];
        if (only !== undefined && only.end > only.start) out.push(only);
      } else if (cluster.length > 1) for (const f of mergeFindings(cluster)) out.push(f);
      cluster = [];
    };
    for (const f of group) {
      if (f.start >= clusterEnd) flush();
      cluster.push(f);
      clusterEnd = Math.max(clusterEnd, f.end);
    }
    flush();
  }
  return out.sort((a, b) => a.start - b.start);
}
