import type { SafetyAction, SafetyDirection } from "../../policies/policy-schema";
import type { Finding, SafetyCategory } from "../types";

/** Where in a request or response a scanned text came from. `tool_result` and `document` are where indirect injection arrives. */
export type TextSource = "system" | "message" | "tool_result" | "document" | "tool_call" | "embedding_input" | "completion";

/**
 * One scannable text inside a JSON body: its value, where it sits (`path` from the body's root) and how to write a
 * redacted version back. `json` slots hold a structured value (Anthropic `tool_use.input`) scanned as its JSON text.
 */
export interface TextSlot {
  readonly source: TextSource;
  readonly path: readonly (string | number)[];
  readonly text: string;
  readonly kind: "text" | "json";
}

/** The policy actions of one direction, per category (from `EffectivePolicy.safety[direction]`). */
export type CategoryActions = Readonly<Record<SafetyCategory, SafetyAction>>;

/** What the policy makes of a set of findings. */
export interface Verdict {
  /** Categories whose action is `block` and that were found (sorted, unique). */
  readonly block: SafetyCategory[];
  /** Findings to mask in place. */
  readonly redact: Finding[];
  /** Categories to flag in the `x-iron-safety-warnings` header (and the audit record). */
  readonly warn: SafetyCategory[];
  /** Categories only recorded in the audit record. */
  readonly log: SafetyCategory[];
}

/** A finding as it may be stored: never the matched text, only a fingerprint of it. */
export interface AuditFinding {
  readonly category: SafetyCategory;
  readonly detector: string;
  readonly label: string;
  readonly direction: SafetyDirection;
  readonly source: TextSource;
  /** What the policy did with it: block, redact, warn or log. */
  readonly action: SafetyAction;
  /** First 16 hex characters of SHA-256 of the matched text. */
  readonly fingerprint: string;
}
