import { ProviderRequestError } from "../errors";
import { asArray, asObject, asString, type JsonObject } from "../shared/json";
import { parseToolArguments } from "../shared/tool-arguments";
import { contentBlocks, plainText } from "./from-openai-content";

export interface AnthropicConversation {
  /** Text blocks from every system/developer message, in order. */
  system: JsonObject[];
  messages: { role: "user" | "assistant"; content: JsonObject[] }[];
}

/**
 * OpenAI chat `messages` → Anthropic `system` + alternating `messages`. Assistant tool_calls become tool_use
 * blocks, tool (and legacy function) results become user tool_result blocks; consecutive messages of one
 * role are merged, so consecutive tool results share one user message.
 */
export function openaiMessagesToAnthropic(messages: unknown): AnthropicConversation {
  const list = asArray(messages);
  if (list === undefined) throw new ProviderRequestError("`messages` must be an array");
  const conversation: AnthropicConversation = { system: [], messages: [] };
  const legacyIds = new Map<string, string>();
  for (const item of list) {
    const message = asObject(item) ?? {};
    switch (message.role) {
      case "system":
      case "developer":
        conversation.system.push(...contentBlocks(message.content));
        break;
      case "user":
        append(conversation, "user", contentBlocks(message.content));
        break;
      case "assistant":
        append(conversation, "assistant", assistantBlocks(message, legacyIds));
        break;
      case "tool":
        append(conversation, "user", [toolResult(asString(message.tool_call_id) ?? "", message.content)]);
        break;
      case "function": {
        const id = legacyIds.get(asString(message.name) ?? "") ?? "";
        append(conversation, "user", [toolResult(id, message.content)]);
        break;
      }
      default:
        throw new ProviderRequestError(`Unsupported message role: ${asString(message.role)?.slice(0, 32) ?? "missing"}`);
    }
  }
  return conversation;
}

function append(conversation: AnthropicConversation, role: "user" | "assistant", blocks: JsonObject[]): void {
  if (blocks.length === 0) return;
  const last = conversation.messages.at(-1);
  if (last?.role === role) last.content.push(...blocks);
  else conversation.messages.push({ role, content: blocks });
}

function toolResult(toolUseId: string, content: unknown): JsonObject {
  return { type: "tool_result", tool_use_id: toolUseId, content: plainText(content) };
}

function assistantBlocks(message: JsonObject, legacyIds: Map<string, string>): JsonObject[] {
  const blocks = contentBlocks(message.content);
  for (const item of asArray(message.tool_calls) ?? []) {
    const call = asObject(item) ?? {};
    const fn = asObject(call.function);
    if (fn === undefined) throw new ProviderRequestError("Only function tool calls can be sent to a Claude model");
    blocks.push(toolUse(asString(call.id) ?? "", fn));
  }
  const legacy = asObject(message.function_call);
  if (legacy !== undefined) {
    const id = `call_legacy_${legacyIds.size}`;
    legacyIds.set(asString(legacy.name) ?? "", id);
    blocks.push(toolUse(id, legacy));
  }
  return blocks;
}

function toolUse(id: string, fn: JsonObject): JsonObject {
  return { type: "tool_use", id, name: asString(fn.name) ?? "", input: parseToolArguments(fn.arguments) };
}
