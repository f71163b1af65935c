import type { UpstreamCall } from "../types";
import { omitKey, type JsonObject } from "../shared/json";
import { withOpenAIStreamFlags } from "../shared/stream-flags";
import { completionBoundField } from "./completion-bound";

/**
 * An OpenAI-shaped agent body for an OpenAI(-compatible) upstream: unknown fields kept; `model` replaced;
 * the completion bound set to `call.maxTokens` in the field the model accepts (the other one removed);
 * streams forced to report usage.
 */
export function openaiPassthroughBody(call: UpstreamCall): JsonObject {
  const body: JsonObject = { ...call.body, model: call.model };
  if (call.endpoint === "embeddings") return body;
  let bounded = body;
  if (call.maxTokens !== null) {
    const field = completionBoundField(call.model, call.body.max_completion_tokens != null);
    const other = field === "max_tokens" ? "max_completion_tokens" : "max_tokens";
    bounded = { ...omitKey(body, other), [field]: call.maxTokens };
  }
  return withOpenAIStreamFlags(bounded, call.stream);
}
