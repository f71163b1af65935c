import type { TokenUsage } from "../../pricing/cost";
import { ZERO_USAGE } from "../../pricing/cost";
import { asArray, asObject, asString, type JsonObject } from "../shared/json";
import { anthropicStopReason } from "../shared/stop-reasons";
import { parseToolArguments } from "../shared/tool-arguments";
import { anthropicUsageBody } from "../shared/usage-shapes";

/** An OpenAI `chat.completion` → an Anthropic `message` (first choice; text, refusal and tool calls). */
export function openaiToAnthropicMessage(json: unknown, model: string, usage: TokenUsage | null): JsonObject {
  const completion = asObject(json) ?? {};
  const choice = asObject(asArray(completion.choices)?.[0]) ?? {};
  const message = asObject(choice.message) ?? {};
  const content: JsonObject[] = [];
  for (const key of ["content", "refusal"] as const) {
    const text = asString(message[key]);
    if (text !== undefined && text !== "") content.push({ type: "text", text });
  }
  for (const item of asArray(message.tool_calls) ?? []) {
    const call = asObject(item);
    const fn = asObject(call?.function);
    if (fn === undefined) continue;
    content.push({
      type: "tool_use",
      id: asString(call?.id) ?? "",
      name: asString(fn.name) ?? "",
      input: parseToolArguments(fn.arguments),
    });
  }
  return {
    id: asString(completion.id) ?? "msg_unknown",
    type: "message",
    role: "assistant",
    model: asString(completion.model) ?? model,
    content,
    stop_reason: anthropicStopReason(choice.finish_reason),
    stop_sequence: null,
    usage: anthropicUsageBody(usage ?? ZERO_USAGE),
  };
}
