import type { UpstreamCall } from "../types";
import { asArray, asNumber, asString, type JsonObject } from "../shared/json";
import { anthropicTools, anthropicToolChoice } from "./from-openai-tools";
import { openaiMessagesToAnthropic } from "./from-openai-messages";

const FALLBACK_MAX_TOKENS = 4096;

/**
 * An OpenAI chat request → an Anthropic messages request for `call.model`. Kept: system/developer
 * messages (as `system`), messages, tools, tool_choice, stop, temperature (clamped to 0..1), top_p, `user`
 * (as metadata.user_id). Left out: response_format, n, logprobs, penalties, seed, and the like.
 */
export function openaiToAnthropicRequest(call: UpstreamCall): JsonObject {
  const body = call.body;
  const { system, messages } = openaiMessagesToAnthropic(body.messages);
  const out: JsonObject = {
    model: call.model,
    max_tokens: call.maxTokens ?? asNumber(body.max_completion_tokens) ?? asNumber(body.max_tokens) ?? FALLBACK_MAX_TOKENS,
    messages,
  };
  if (system.length > 0) out.system = system;
  const temperature = asNumber(body.temperature);
  if (temperature !== undefined) out.temperature = Math.min(1, Math.max(0, temperature));
  const topP = asNumber(body.top_p);
  if (topP !== undefined) out.top_p = topP;
  const stop = typeof body.stop === "string" ? [body.stop] : (asArray(body.stop) ?? []);
  const stopSequences = stop.filter((s): s is string => typeof s === "string" && s !== "");
  if (stopSequences.length > 0) out.stop_sequences = stopSequences;
  const user = asString(body.user);
  if (user !== undefined) out.metadata = { user_id: user };
  const tools = anthropicTools(body);
  if (tools.length > 0) {
    out.tools = tools;
    const choice = anthropicToolChoice(body);
    if (choice !== undefined) out.tool_choice = choice;
  }
  if (call.stream) out.stream = true;
  return out;
}
