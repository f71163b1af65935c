import { countTokens, utf8Length } from "../../src/tokenizer/count-tokens";
import { isObject, isString } from "./json";

/**
 * Tokens of one Anthropic text: o200k count plus 15 %, never above the UTF-8 byte count.
 * `ceil(n * 1.15)` computed exactly in integers.
 */
export function anthropicTextTokens(text: string): number {
  if (text === "") return 0;
  return Math.min(utf8Length(text), Math.ceil((countTokens(text, "o200k_base") * 115) / 100));
}

function blocksTokens(content: unknown): number {
  if (isString(content)) return anthropicTextTokens(content);
  if (!Array.isArray(content)) return 0;
  let total = 0;
  for (const block of content as unknown[]) {
    if (!isObject(block)) continue;
    if (block.type === "text" && isString(block.text)) total += anthropicTextTokens(block.text);
    else if (block.type === "tool_use") total += anthropicTextTokens(JSON.stringify(block.input ?? {}));
    else if (block.type === "tool_result") total += blocksTokens(block.content);
  }
  return total;
}

/**
 * Anthropic prompt tokens: the text formula over the system prompt, every text block, tool_result
 * text and JSON of tool_use inputs; 3 per message; the formula over JSON of `tools` when given.
 */
export function anthropicPromptTokens(system: unknown, messages: unknown[], tools: unknown): number {
  let total = blocksTokens(system);
  for (const message of messages) {
    if (!isObject(message)) continue;
    total += 3 + blocksTokens(message.content);
  }
  if (Array.isArray(tools) && tools.length > 0) total += anthropicTextTokens(JSON.stringify(tools));
  return total;
}
