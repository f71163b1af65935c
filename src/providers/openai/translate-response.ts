import type { TranslatedResponse, UpstreamCall } from "../types";
import { asObject } from "../shared/json";
import { openaiToAnthropicMessage } from "./to-anthropic-message";
import { openaiUsage } from "./usage";

/** A non-streaming OpenAI body: passed through untouched for OpenAI-shaped agents, else an Anthropic message. */
export function translateOpenAIResponse(upstreamJson: unknown, call: UpstreamCall): TranslatedResponse {
  const usage = openaiUsage(asObject(upstreamJson)?.usage);
  if (call.inbound === "openai") return { body: upstreamJson, usage };
  return { body: openaiToAnthropicMessage(upstreamJson, call.model, usage), usage };
}
