/**
 * The safety scanner's contract (issue #5). Detectors run over normalised text and return typed findings; the
 * pipeline (not yet built) merges them into a verdict that policies (`src/policies/`) turn into block / redact /
 * warn / log / off, separately for input and output.
 */
export type SafetyCategory = "secrets" | "pii" | "injection";

export interface Finding {
  /** Stable detector name, e.g. `aws_access_key`, `email`, `payment_card`, `injection_signature`, `injection_classifier`. */
  readonly detector: string;
  readonly category: SafetyCategory;
  /** Sub-type for redaction placeholders and reports, e.g. `EMAIL`, `CARD`, `AWS_KEY`, `instruction_override`. */
  readonly label: string;
  /** UTF-16 offsets into the ORIGINAL text (before normalisation): [start, end). */
  readonly start: number;
  readonly end: number;
  /** 0–1. Checksummed or prefixed matches are ~1; heuristics lower. */
  readonly confidence: number;
}

/** Text after normalisation, with a map back to the original offsets. */
export interface NormalizedText {
  readonly original: string;
  /** NFKC, invisible/zero-width characters removed, homoglyphs folded to ASCII where unambiguous. */
  readonly text: string;
  /**
   * `offsets[i]` = index in `original` of the character at `text[i]`; `offsets[text.length]` = original.length. An
   * `Int32Array` from the normaliser (a shared identity view when nothing changed), so read-only by contract.
   */
  readonly offsets: ArrayLike<number>;
  /** Spans decoded from base64 / hex / URL-encoding, each scanned too; findings map back to the encoded span. */
  readonly decoded: readonly { readonly text: string; readonly start: number; readonly end: number; readonly encoding: "base64" | "hex" | "url" }[];
}

/** One detector. `keywords` (lower-case) gate it: when none occurs in the lower-cased text, `scan` is skipped. */
export interface Detector {
  readonly name: string;
  readonly category: SafetyCategory;
  readonly keywords?: readonly string[];
  scan(input: NormalizedText): Finding[];
}
