import { isObject, tryParseJson, type JsonObject } from "./json";

/** An OpenAI tool call's `arguments` JSON string as an Anthropic `input` object (`{}` when not a JSON object). */
export function parseToolArguments(args: unknown): JsonObject {
  if (typeof args !== "string" || args.trim() === "") return {};
  const parsed = tryParseJson(args);
  return isObject(parsed) ? parsed : {};
}
