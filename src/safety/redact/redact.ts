import type { Finding } from "../types";
import { mergeFindings } from "./merge";
import type { RedactionSession } from "./session";

/**
 * Replaces every finding's span in `original` with a typed placeholder such as `[EMAIL_1]` or `[AWS_KEY_2]`.
 * Overlapping findings are merged first (see `mergeFindings`); placeholder numbers come from `session`, so the same
 * value gets the same placeholder in every message and chunk of the request.
 */
export function redactText(original: string, findings: readonly Finding[], session: RedactionSession): string {
  const spans = mergeFindings(findings.filter((f) => f.start >= 0 && f.end <= original.length));
  if (spans.length === 0) return original;
  let out = "";
  let cursor = 0;
  for (const span of spans) {
    out += original.slice(cursor, span.start);
    out += session.placeholder(span.label, original.slice(span.start, span.end));
    cursor = span.end;
  }
  return out + original.slice(cursor);
}
