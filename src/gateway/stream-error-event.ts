import { errorBody } from "../errors/render";
import { refuse, type Refusal } from "../errors/refusal";
import type { ApiShape, SseEvent } from "../providers/types";
import type { SafetyCategory } from "../safety/types";

/** A well-formed error event that ends a stream, in the caller's API shape. */
export function streamErrorEvent(shape: ApiShape, refusal: Refusal): SseEvent {
  const data = JSON.stringify(errorBody(shape, refusal));
  return shape === "anthropic" ? { event: "error", data } : { data };
}

/** The error event that ends a stream whose output a `block` policy stopped. Names the categories, never the text. */
export function safetyBlockedEvent(shape: ApiShape, categories: readonly SafetyCategory[]): SseEvent {
  const what = [...new Set(categories)].sort().join(", ");
  return streamErrorEvent(shape, refuse("safety_blocked", `The response was stopped: its output contained ${what} (output policy: block).`));
}

/**
 * Output warnings found in a stream, as an SSE comment line written just before the stream ends: headers are sent
 * before the first token, so `x-iron-safety-warnings` cannot carry them. Every SSE client ignores comments (an event
 * would be surfaced by SDKs as a malformed chunk); the audit record is the authoritative channel.
 */
export function safetyWarningComment(categories: readonly string[]): string | null {
  return categories.length === 0 ? null : `: x-iron-safety-warnings: ${[...new Set(categories)].sort().join(",")}\n\n`;
}
