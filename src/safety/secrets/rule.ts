import { toOriginalSpan } from "../normalize/offsets";
import type { Detector, Finding, NormalizedText } from "../types";
import { inputHits, registerGate } from "./gate";
import { isPlaceholder } from "./guards";

/** One regex-driven secret rule. `pattern` must be global; capture group 1, when present, is the secret itself. */
export interface SecretRule {
  readonly name: string;
  readonly label: string;
  readonly keywords: readonly string[];
  readonly pattern: RegExp;
  readonly confidence: number;
  /** Returns a confidence for the match (overriding `confidence`) or undefined to drop it. */
  readonly check?: (secret: string) => number | undefined;
}

export interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly confidence: number;
  readonly label: string;
}

/**
 * Runs `find` over the normalised text and over every decoded span. Hits in the text map back through the offsets;
 * hits inside a decoded span cover the whole encoded span, since that is what has to be redacted. With a `gate`
 * (see `gate.ts`), a text is searched only when one of the detector's keywords occurs in it.
 */
export function scanAll(input: NormalizedText, detector: string, find: (text: string) => Candidate[], gate?: number): Finding[] {
  const findings: Finding[] = [];
  const hits = gate === undefined ? undefined : inputHits(input);
  const push = (c: Candidate, start: number, end: number): void => {
    findings.push({ detector, category: "secrets", label: c.label, start, end, confidence: c.confidence });
  };
  if (hits === undefined || gate === undefined || hits.text[gate] === 1) {
    for (const c of find(input.text)) {
      const span = toOriginalSpan(input, c.start, c.end);
      push(c, span.start, span.end);
    }
  }
  input.decoded.forEach((d, i) => {
    if (hits !== undefined && gate !== undefined && hits.decoded[i]?.[gate] !== 1) return;
    for (const c of find(d.text)) push(c, d.start, d.end);
  });
  return findings;
}

/**
 * A secret detector gated by the shared keyword pass: `keywords` (lower-case ASCII) are registered with the gate and
 * NOT exposed as `Detector.keywords`, so the pipeline does not test them again one `includes` at a time.
 */
export function gatedDetector(name: string, keywords: readonly string[], find: (text: string) => Candidate[]): Detector {
  const gate = registerGate(keywords);
  return {
    name,
    category: "secrets",
    // Most detectors stop at the flag lookup: no keyword of theirs occurs anywhere in this input.
    scan: (input) => (inputHits(input).any[gate] === 1 ? scanAll(input, name, find, gate) : []),
  };
}

/** Builds a detector from a rule: regex match, placeholder guard, optional rule-specific check. */
export function ruleDetector(rule: SecretRule): Detector {
  const pattern = rule.pattern;
  const find = (text: string): Candidate[] => {
    const out: Candidate[] = [];
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      if (m[0].length === 0) pattern.lastIndex++;
      const secret = m[1] ?? m[0];
      if (isPlaceholder(secret)) continue;
      const confidence = rule.check ? rule.check(secret) : rule.confidence;
      if (confidence === undefined) continue;
      const start = m.index + m[0].indexOf(secret);
      out.push({ start, end: start + secret.length, confidence, label: rule.label });
    }
    pattern.lastIndex = 0;
    return out;
  };
  return gatedDetector(rule.name, rule.keywords, find);
}
