import type { UpstreamCall } from "../types";
import { omitKey, type JsonObject } from "../shared/json";

/** An Anthropic-shaped agent body for Anthropic: unknown fields kept; `model`, `max_tokens` and `stream` set. */
export function anthropicPassthroughBody(call: UpstreamCall): JsonObject {
  const body: JsonObject = { ...call.body, model: call.model };
  if (call.maxTokens !== null) body.max_tokens = call.maxTokens;
  if (call.stream) return { ...body, stream: true };
  return body.stream === true ? omitKey(body, "stream") : body;
}
