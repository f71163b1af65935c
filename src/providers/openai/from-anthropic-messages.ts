import { ProviderRequestError } from "../errors";
import { asArray, asObject, asString, type JsonObject } from "../shared/json";
import { blockType, imagePart, systemMessage, toolResultContent } from "./from-anthropic-content";

/** Anthropic `system` + `messages` → OpenAI chat `messages`. Throws ProviderRequestError on untranslatable blocks. */
export function anthropicMessagesToOpenAI(system: unknown, messages: unknown): JsonObject[] {
  const list = asArray(messages);
  if (list === undefined) throw new ProviderRequestError("`messages` must be an array");
  const out: JsonObject[] = [];
  const sys = systemMessage(system);
  if (sys !== undefined) out.push(sys);
  for (const item of list) {
    const message = asObject(item);
    if (message?.role === "user") out.push(...userMessages(message.content));
    else if (message?.role === "assistant") out.push(...assistantMessages(message.content));
    else throw new ProviderRequestError("Each message must have role `user` or `assistant`");
  }
  return out;
}

function userMessages(content: unknown): JsonObject[] {
  if (typeof content === "string") return [{ role: "user", content }];
  const blocks = asArray(content);
  if (blocks === undefined) throw new ProviderRequestError("Message content must be a string or an array");
  const toolMessages: JsonObject[] = [];
  const parts: JsonObject[] = [];
  for (const item of blocks) {
    const block = asObject(item) ?? {};
    if (block.type === "text") parts.push({ type: "text", text: asString(block.text) ?? "" });
    else if (block.type === "image") parts.push(imagePart(block));
    else if (block.type === "tool_result") {
      const { text, images } = toolResultContent(block.content);
      toolMessages.push({ role: "tool", tool_call_id: asString(block.tool_use_id) ?? "", content: text });
      parts.push(...images);
    } else {
      throw new ProviderRequestError(`Unsupported content block for an OpenAI model: ${blockType(item)}`);
    }
  }
  return parts.length === 0 ? toolMessages : [...toolMessages, { role: "user", content: parts }];
}

function assistantMessages(content: unknown): JsonObject[] {
  if (typeof content === "string") return [{ role: "assistant", content }];
  const blocks = asArray(content);
  if (blocks === undefined) throw new ProviderRequestError("Message content must be a string or an array");
  const texts: string[] = [];
  const toolCalls: JsonObject[] = [];
  for (const item of blocks) {
    const block = asObject(item) ?? {};
    if (block.type === "text") texts.push(asString(block.text) ?? "");
    else if (block.type === "tool_use") {
      toolCalls.push({
        id: asString(block.id) ?? "",
        type: "function",
        function: { name: asString(block.name) ?? "", arguments: JSON.stringify(block.input ?? {}) },
      });
    } else if (block.type !== "thinking" && block.type !== "redacted_thinking") {
      throw new ProviderRequestError(`Unsupported content block for an OpenAI model: ${blockType(item)}`);
    }
  }
  const message: JsonObject = { role: "assistant", content: texts.length === 0 ? null : texts.join("") };
  if (toolCalls.length > 0) message.tool_calls = toolCalls;
  return message.content === null && toolCalls.length === 0 ? [] : [message];
}
