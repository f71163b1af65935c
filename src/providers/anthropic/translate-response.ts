import type { TranslatedResponse, UpstreamCall } from "../types";
import { asObject } from "../shared/json";
import { anthropicToOpenAICompletion } from "./to-openai-completion";
import { anthropicUsage } from "./usage";

/** A non-streaming Anthropic body: passed through untouched for Anthropic-shaped agents, else a chat.completion. */
export function translateAnthropicResponse(upstreamJson: unknown, call: UpstreamCall): TranslatedResponse {
  const usage = anthropicUsage(asObject(upstreamJson)?.usage);
  if (call.inbound === "anthropic") return { body: upstreamJson, usage };
  return { body: anthropicToOpenAICompletion(upstreamJson, call.model, usage), usage };
}
