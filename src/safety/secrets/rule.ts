import { toOriginalSpan } from "../normalize/offsets";
import type { Detector, Finding, NormalizedText } from "../types";
import { type GateHits, inputHits, registerGate } from "../normalize/keyword-gate";
import { isKnownExample, isPlaceholder } from "./guards";

/** One regex-driven secret rule. `pattern` must be global; capture group 1, when present, is the secret itself. */
export interface SecretRule {
  readonly name: string;
  readonly label: string;
  readonly keywords: readonly string[];
  readonly pattern: RegExp;
  readonly confidence: number;
  /** Returns a confidence for the match (overriding `confidence`) or undefined to drop it. */
  readonly check?: (secret: string) => number | undefined;
  /** Replaces the default placeholder guard (`isPlaceholder`) for shapes it misjudges (digit-run ids, hex words). */
  readonly placeholder?: (secret: string) => boolean;
  /**
   * Anchoring: every match starts this many characters before a keyword occurrence (`[0]`: the match starts with the
   * keyword). The regex is then tried only at those positions (sticky) instead of searching the whole text — same
   * findings, a fraction of the work on long texts. Without it the whole text is searched.
   */
  readonly at?: readonly number[];
}

export interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly confidence: number;
  readonly label: string;
}

/** A text searcher: `starts` are the keyword start offsets of an anchored gate (undefined when not anchored). */
export type Find = (text: string, starts?: readonly number[]) => Candidate[];

/**
 * Runs `find` over the normalised text and over every decoded span whose gate flag is set. Hits in the text map back
 * through the offsets; hits inside a decoded span cover the whole encoded span, since that is what has to be redacted.
 */
export function scanAll(input: NormalizedText, detector: string, find: Find, gate: number, out: Finding[] = []): Finding[] {
  const hits = inputHits(input);
  const run = (h: GateHits, text: string, map: (c: Candidate) => { start: number; end: number }): void => {
    if (h.flags[gate] !== 1) return;
    for (const c of find(text, h.starts.get(gate))) {
      const span = map(c);
      out.push({ detector, category: "secrets", label: c.label, start: span.start, end: span.end, confidence: c.confidence });
    }
  };
  run(hits.text, input.text, (c) => toOriginalSpan(input, c.start, c.end));
  input.decoded.forEach((d, i) => {
    const h = hits.decoded[i];
    if (h !== undefined) run(h, d.text, () => d);
  });
  return out;
}

// Shared by every detector with nothing to report; frozen, so a caller that tries to add to it fails loudly.
const NONE: Finding[] = Object.freeze<Finding[]>([]) as unknown as Finding[];

/**
 * A secret detector gated by the shared keyword scan: `keywords` (lower-case ASCII) are registered with the gate and
 * NOT exposed as `Detector.keywords`, so the pipeline does not test them again one `includes` at a time. With
 * `anchored`, `find` also receives where the keywords start.
 */
export function gatedDetector(name: string, keywords: readonly string[], find: Find, anchored = false): Detector {
  const gate = registerGate(keywords, anchored);
  return {
    name,
    category: "secrets",
    // Most detectors stop at the flag lookup: no keyword of theirs occurs anywhere in this input.
    scan: (input) => (inputHits(input).any[gate] === 1 ? scanAll(input, name, find, gate) : NONE),
  };
}

/** The searcher for one rule: regex match (whole text, or sticky at anchored positions), placeholder guard, check. */
export function ruleFind(rule: SecretRule): Find {
  const pattern = rule.pattern;
  const sticky = new RegExp(pattern.source, pattern.flags.replace("g", "") + "y");
  const placeholder = rule.placeholder ?? isPlaceholder;
  const accept = (m: RegExpExecArray, out: Candidate[]): void => {
    const secret = m[1] ?? m[0];
    if (placeholder(secret) || isKnownExample(secret)) return;
    const confidence = rule.check ? rule.check(secret) : rule.confidence;
    if (confidence === undefined) return;
    const start = m.index + m[0].indexOf(secret);
    out.push({ start, end: start + secret.length, confidence, label: rule.label });
  };
  const at = rule.at;
  return (text, starts) => {
    const out: Candidate[] = [];
    if (at !== undefined && starts !== undefined) {
      let lastEnd = 0;
      for (const p of candidates(starts, at)) {
        if (p < lastEnd) continue;
        sticky.lastIndex = p;
        const m = sticky.exec(text);
        if (m === null) continue;
        accept(m, out);
        lastEnd = m.index + Math.max(m[0].length, 1);
      }
      return out;
    }
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      if (m[0].length === 0) pattern.lastIndex++;
      accept(m, out);
    }
    pattern.lastIndex = 0;
    return out;
  };
}

/** Ascending, distinct match start positions: each keyword start minus each anchoring offset. */
function candidates(starts: readonly number[], at: readonly number[]): number[] {
  if (at.length === 1 && at[0] === 0) return dedupeSorted(starts);
  const all: number[] = [];
  for (const s of starts) for (const a of at) if (s - a >= 0) all.push(s - a);
  return dedupeSorted(all.sort((x, y) => x - y));
}

function dedupeSorted(list: readonly number[]): number[] {
  const out: number[] = [];
  for (const p of list) if (out.length === 0 || out[out.length - 1] !== p) out.push(p);
  return out;
}

/**
 * Many rules as one detector: a single flag lookup per rule and no per-rule detector call, which matters when ~150
 * rules run over every short text. Findings carry each rule's own name as `detector`.
 */
export function ruleSetDetector(name: string, rules: readonly SecretRule[]): Detector {
  const compiled = rules.map((rule) => ({ name: rule.name, gate: registerGate(rule.keywords, rule.at !== undefined), find: ruleFind(rule) }));
  return {
    name,
    category: "secrets",
    scan(input) {
      const any = inputHits(input).any;
      const out: Finding[] = [];
      for (const c of compiled) if (any[c.gate] === 1) scanAll(input, c.name, c.find, c.gate, out);
      return out;
    },
  };
}

/** Builds a detector from a single rule (kept for callers that want one detector per rule). */
export function ruleDetector(rule: SecretRule): Detector {
  return gatedDetector(rule.name, rule.keywords, ruleFind(rule), rule.at !== undefined);
}
