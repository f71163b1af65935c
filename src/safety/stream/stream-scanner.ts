import { scanText } from "../pipeline/scan-text";
import { redactText } from "../redact/redact";
import type { RedactionSession } from "../redact/session";
import type { Finding } from "../types";
import { injectionTally } from "./injection-tally";
import { safeCut } from "./safe-cut";
import type { StreamPolicy } from "./stream-policy";

export interface StreamScanResult {
  /** Text the agent may receive now (redacted where the policy says so). Concatenated, it is the whole output. */
  readonly emit: string;
  /** The findings whose action is `block`, once one was seen; nothing is emitted from then on. */
  readonly blocked: readonly Finding[] | null;
}

/** A finding with the text it matched, kept in memory only until the audit record fingerprints it. */
export interface StreamFinding extends Finding {
  readonly value: string;
}

export interface StreamScanner {
  push(delta: string): StreamScanResult;
  /** Releases the held-back tail (end of this text: block stop, choice finish, stream end). */
  finish(): StreamScanResult;
  /** Every finding seen so far, with its matched text (for the verdict and the audit fingerprint; never logged). */
  findings(): readonly StreamFinding[];
}

/** Already released text kept in front of the window so keyword-led detectors still see their cue. Never re-emitted. */
const CONTEXT_CHARS = 128;
/** Longest tail held back when no safe cut appears (a key block, a long keyword-led value). */
export const MAX_HOLD_CHARS = 512;
/** A forced release waits for this much past the cap, so a run without safe cuts is scanned every ~256 chars, not every delta. */
const FORCE_STEP_CHARS = 256;

/**
 * Incremental scanner over one streamed text (one choice's content, one tool call's arguments, one content block).
 * `window` = up to CONTEXT_CHARS of released text + the pending (unreleased) text. On each delta the rule of
 * `safeCut` proposes how far text may be released; only then is the window scanned, the cut is moved back to the
 * start of any finding it would split, the findings before the cut are redacted, and that segment is emitted. Text
 * before the cut is never emitted or reported again; only its last CONTEXT_CHARS are re-read, as context.
 */
export function createStreamScanner(policy: StreamPolicy, session: RedactionSession): StreamScanner {
  let window = "";
  let start = 0;
  let blocked: Finding[] | null = null;
  const found: StreamFinding[] = [];
  const tally = injectionTally(policy.injection);

  const checkBlock = (findings: readonly StreamFinding[]): boolean => {
    const blocking = findings.filter((f) => policy.actions[f.category] === "block");
    if (blocking.length > 0 && blocked === null) {
      blocked = blocking;
      found.push(...blocking);
    }
    return blocked !== null;
  };

  const release = (final: boolean): string => {
    let cut = final ? window.length : safeCut(window, start);
    if (!final && window.length - start > MAX_HOLD_CHARS + FORCE_STEP_CHARS) cut = Math.max(cut, forcedCut(window, start));
    if (cut <= start) return "";
    if (policy.detectors.length === 0) return advance(cut, []);
    const findings = scanText(window, policy.detectors)
      .filter((f) => f.end > start)
      .map((f) => ({ ...f, value: window.slice(f.start, f.end) }));
    if (checkBlock(findings)) return "";
    cut = clearOf(findings, cut);
    if (cut <= start) return "";
    return advance(cut, findings.filter((f) => f.end <= cut));
  };

  const advance = (cut: number, done: readonly StreamFinding[]): string => {
    found.push(...done);
    const redact = done
      .filter((f) => policy.actions[f.category] === "redact")
      .map((f) => ({ ...f, start: Math.max(f.start, start) - start, end: f.end - start }));
    const out = redactText(window.slice(start, cut), redact, session);
    const drop = Math.max(0, cut - CONTEXT_CHARS);
    window = window.slice(drop);
    start = cut - drop;
    return out;
  };

  const step = (delta: string, final: boolean): StreamScanResult => {
    if (blocked !== null) return { emit: "", blocked };
    const injected = tally.add(delta, final);
    found.push(...injected.filter((f) => policy.actions[f.category] !== "block"));
    if (checkBlock(injected)) return { emit: "", blocked };
    window += delta;
    const released = release(final);
    if (blocked !== null) return { emit: "", blocked };
    // Without block/redact nothing needs holding: the delta goes out as it came, the scan above only reports.
    return { emit: policy.holdBack ? released : final ? "" : delta, blocked: null };
  };

  return { push: (delta) => step(delta, false), finish: () => step("", true), findings: () => found };
}

/** Past the cap: release up to the last whitespace before `length − MAX_HOLD_CHARS`, else exactly there. */
function forcedCut(window: string, start: number): number {
  const target = window.length - MAX_HOLD_CHARS;
  const space = window.slice(start, target).search(/\s\S*$/);
  return space >= 0 ? start + space + 1 : target;
}

/** Moves `cut` back to the start of any finding it would split (repeatedly, as findings may chain). */
function clearOf(findings: readonly Finding[], cut: number): number {
  let moved = cut;
  for (let changed = true; changed; ) {
    changed = false;
    for (const f of findings) {
      if (f.start < moved && moved < f.end) {
        moved = f.start;
        changed = true;
      }
    }
  }
  return moved;
}
