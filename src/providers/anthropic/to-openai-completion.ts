import type { TokenUsage } from "../../pricing/cost";
import { ZERO_USAGE } from "../../pricing/cost";
import { asArray, asObject, asString, type JsonObject } from "../shared/json";
import { openaiFinishReason } from "../shared/stop-reasons";
import { openaiUsageBody } from "../shared/usage-shapes";

/** An Anthropic `message` → an OpenAI `chat.completion` (text joined, tool_use → tool_calls; thinking left out). */
export function anthropicToOpenAICompletion(json: unknown, model: string, usage: TokenUsage | null): JsonObject {
  const message = asObject(json) ?? {};
  const texts: string[] = [];
  const toolCalls: JsonObject[] = [];
  for (const item of asArray(message.content) ?? []) {
    const block = asObject(item) ?? {};
    if (block.type === "text") texts.push(asString(block.text) ?? "");
    else if (block.type === "tool_use") {
      toolCalls.push({
        id: asString(block.id) ?? "",
        type: "function",
        function: { name: asString(block.name) ?? "", arguments: JSON.stringify(block.input ?? {}) },
      });
    }
  }
  const reply: JsonObject = { role: "assistant", content: texts.length > 0 ? texts.join("") : null, refusal: null };
  if (toolCalls.length > 0) reply.tool_calls = toolCalls;
  return {
    id: asString(message.id) ?? "chatcmpl-unknown",
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model: asString(message.model) ?? model,
    choices: [{ index: 0, message: reply, logprobs: null, finish_reason: openaiFinishReason(message.stop_reason) }],
    usage: openaiUsageBody(usage ?? ZERO_USAGE),
  };
}
