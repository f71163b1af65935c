import { countTokens, type Encoding } from "../../src/tokenizer/count-tokens";
import { isObject, isString } from "./json";

/** Tokens one image part costs in the mock (OpenAI's low-detail price). */
export const IMAGE_TOKENS = 85;

function contentTokens(content: unknown, encoding: Encoding): number {
  if (isString(content)) return countTokens(content, encoding);
  if (!Array.isArray(content)) return 0;
  let total = 0;
  for (const part of content as unknown[]) {
    if (!isObject(part)) continue;
    if (part.type === "text" && isString(part.text)) total += countTokens(part.text, encoding);
    else if (part.type === "image_url") total += IMAGE_TOKENS;
  }
  return total;
}

/**
 * OpenAI chat prompt tokens: per message 3 + role + text content (85 per image part)
 * + (1 + name) + JSON of tool_calls; 3 for the reply priming; JSON of `tools` when given.
 */
export function openaiPromptTokens(messages: unknown[], tools: unknown, encoding: Encoding): number {
  let total = 3;
  for (const message of messages) {
    if (!isObject(message)) continue;
    total += 3 + countTokens(isString(message.role) ? message.role : "", encoding);
    total += contentTokens(message.content, encoding);
    if (isString(message.name)) total += 1 + countTokens(message.name, encoding);
    if (message.tool_calls !== undefined && message.tool_calls !== null) {
      total += countTokens(JSON.stringify(message.tool_calls), encoding);
    }
  }
  if (Array.isArray(tools) && tools.length > 0) total += countTokens(JSON.stringify(tools), encoding);
  return total;
}
