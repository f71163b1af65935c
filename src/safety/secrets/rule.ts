import { toOriginalSpan } from "../normalize/offsets";
import type { Detector, Finding, NormalizedText } from "../types";
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
 * hits inside a decoded span cover the whole encoded span, since that is what has to be redacted.
 */
export function scanAll(input: NormalizedText, detector: string, find: (text: string) => Candidate[]): Finding[] {
  const findings: Finding[] = [];
  const push = (c: Candidate, start: number, end: number): void => {
    findings.push({ detector, category: "secrets", label: c.label, start, end, confidence: c.confidence });
  };
  for (const c of find(input.text)) {
    const span = toOriginalSpan(input, c.start, c.end);
    push(c, span.start, span.end);
  }
  for (const d of input.decoded) for (const c of find(d.text)) push(c, d.start, d.end);
  return findings;
}

/** Builds a detector from a rule: regex match, placeholder guard, optional rule-specific check. */
export function ruleDetector(rule: SecretRule): Detector {
  const find = (text: string): Candidate[] => {
    const out: Candidate[] = [];
    for (const m of text.matchAll(rule.pattern)) {
      const secret = m[1] ?? m[0];
      if (isPlaceholder(secret)) continue;
      const confidence = rule.check ? rule.check(secret) : rule.confidence;
      if (confidence === undefined) continue;
      const start = m.index + m[0].indexOf(secret);
      out.push({ start, end: start + secret.length, confidence, label: rule.label });
    }
    return out;
  };
  return {
    name: rule.name,
    category: "secrets",
    keywords: rule.keywords,
    scan: (input) => scanAll(input, rule.name, find),
  };
}
